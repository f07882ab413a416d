package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.assertj.core.api.SoftAssertions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

/** The interconnect facet's checks: collectives and transfers, link bandwidths, thread-safety. */
final class InterconnectChecks {
    private static final List<CollectiveKind> KINDS = List.of(CollectiveKind.ALL_REDUCE, CollectiveKind.ALL_GATHER,
            CollectiveKind.REDUCE_SCATTER, CollectiveKind.ALL_TO_ALL);

    private InterconnectChecks() {
    }

    /** A collective over one chip is free; over more it costs, more for more bytes; transfers likewise. */
    static void collectivesAndTransfers(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Interconnect interconnect = accelerator.interconnect();
            softly.assertThat(interconnect.scaleUpDomainChips()).isPositive();
            for (CollectiveKind kind : KINDS) {
                softly.assertThat(interconnect.collectiveSeconds(new Collective("kit", kind, 1e6, 1, 1)))
                        .as("%s %s over one chip", accelerator.id(), kind).isZero();
                for (int participants : new int[] {2, 8, 64}) {
                    double small = interconnect.collectiveSeconds(new Collective("kit", kind, 1e6, participants, 1));
                    double large = interconnect.collectiveSeconds(new Collective("kit", kind, 1e8, participants, 1));
                    softly.assertThat(small).as("%s %s small", accelerator.id(), kind).isFinite().isPositive();
                    softly.assertThat(large).as("%s %s on %d chips grows with bytes", accelerator.id(), kind,
                            participants).isGreaterThanOrEqualTo(small);
                }
            }
            for (Reach reach : Reach.values()) {
                double small = interconnect.transferSeconds(1e6, reach);
                softly.assertThat(small).isFinite().isPositive();
                softly.assertThat(interconnect.transferSeconds(1e8, reach)).isGreaterThanOrEqualTo(small);
            }
        }
        softly.assertAll();
    }

    /** Scale-up and scale-out bandwidths within {@link Plausibility}'s range for a chip's links. */
    static void linkBandwidths(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            Interconnect interconnect = accelerator.interconnect();
            check(softly, accelerator, "scaleUpBytesPerSecond", interconnect.scaleUpBytesPerSecond());
            check(softly, accelerator, "scaleOutBytesPerSecond", interconnect.scaleOutBytesPerSecond());
        }
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, Accelerator accelerator, String what, double bytesPerSecond) {
        softly.assertThat(Plausibility.within(bytesPerSecond, Plausibility.LINK_BYTES_PER_SECOND_MIN,
                        Plausibility.LINK_BYTES_PER_SECOND_MAX))
                .as("%s: %s is %s, outside the %s bytes per second of every chip's links shipped so far; is it bytes"
                                + " (not bits) per second, one direction, for one chip?", accelerator.id(), what,
                        Plausibility.number(bytesPerSecond), Plausibility.range(Plausibility.LINK_BYTES_PER_SECOND_MIN,
                                Plausibility.LINK_BYTES_PER_SECOND_MAX))
                .isTrue();
    }

    /** The same collective and transfer times from many threads. */
    static void manyThreads(List<Accelerator> accelerators) throws InterruptedException {
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        for (Accelerator accelerator : accelerators) {
            Interconnect interconnect = accelerator.interconnect();
            for (CollectiveKind kind : KINDS) {
                for (int participants : new int[] {2, 8, 64}) {
                    Collective collective = new Collective("kit", kind, 1e7, participants, 80);
                    calls.put(accelerator.id() + " collectiveSeconds(" + collective + ")",
                            () -> interconnect.collectiveSeconds(collective));
                }
            }
            for (Reach reach : Reach.values()) {
                calls.put(accelerator.id() + " transferSeconds(1e7, " + reach + ")",
                        () -> interconnect.transferSeconds(1e7, reach));
            }
        }
        assertThat(ManyThreads.differing(calls)).as("answers that depend on the thread").isEmpty();
    }
}
