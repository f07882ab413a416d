package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.assertj.core.api.SoftAssertions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;

/** The power facet's checks: between idle and peak, FLOP/s per watt, thread-safety. */
final class PowerChecks {
    private static final double SLACK = RooflineChecks.SLACK;

    private PowerChecks() {
    }

    /** Idle positive, peak at least idle, node overhead not negative, power monotone between them. */
    static void betweenIdleAndPeak(List<Accelerator> accelerators) {
        for (Accelerator accelerator : accelerators) {
            PowerModel power = accelerator.power();
            assertThat(power.idleWatts()).as("%s idle", accelerator.id()).isPositive();
            assertThat(power.peakWatts()).as("%s peak", accelerator.id()).isGreaterThanOrEqualTo(power.idleWatts());
            assertThat(power.nodeOverheadWattsPerChip()).isGreaterThanOrEqualTo(0);
            double previous = 0;
            for (int step = 0; step <= 10; step++) {
                double watts = power.watts(step / 10.0);
                assertThat(watts).as("%s at utilisation %d/10", accelerator.id(), step)
                        .isBetween(power.idleWatts() * (1 - SLACK), power.peakWatts() * (1 + SLACK))
                        .isGreaterThanOrEqualTo(previous * (1 - SLACK));
                previous = watts;
            }
        }
    }

    /**
     * Each format's dense peak per watt of peak power within {@link Plausibility}'s range. A chip whose ridge point
     * is implausible has a suspect peak, which the roofline check names; it is left to that check.
     */
    static void flopsPerWatt(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            double watts = accelerator.power().peakWatts();
            MemoryTier fastest = Facets.fastestFullSpeedTier(accelerator);
            for (Precision precision : accelerator.roofline().computePrecisions()) {
                double peak = accelerator.roofline().peakFlopsPerSecond(precision);
                if (Facets.plausibleFullSpeedBandwidth(accelerator) && !Plausibility.within(
                        peak / fastest.bytesPerSecond(), Plausibility.RIDGE_FLOPS_PER_BYTE_MIN,
                        Plausibility.RIDGE_FLOPS_PER_BYTE_MAX)) {
                    continue;
                }
                double perWatt = peak / watts;
                softly.assertThat(Plausibility.within(perWatt, Plausibility.FLOPS_PER_WATT_MIN,
                                Plausibility.FLOPS_PER_WATT_MAX))
                        .as("%s: peak.flopsPerSecond.%s %s over power.peakWatts %s is %s FLOP/s per watt, outside the"
                                        + " %s of every chip shipped so far; is the power in watts, for one chip?",
                                accelerator.id(), precision.name(), Plausibility.number(peak),
                                Plausibility.number(watts), Plausibility.number(perWatt), Plausibility.range(
                                        Plausibility.FLOPS_PER_WATT_MIN, Plausibility.FLOPS_PER_WATT_MAX))
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /** The same power at each utilisation from many threads. */
    static void manyThreads(List<Accelerator> accelerators) throws InterruptedException {
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        for (Accelerator accelerator : accelerators) {
            PowerModel power = accelerator.power();
            for (int step = 0; step <= 10; step++) {
                double utilisation = step / 10.0;
                calls.put(accelerator.id() + " watts(" + utilisation + ")", () -> power.watts(utilisation));
            }
        }
        assertThat(ManyThreads.differing(calls)).as("answers that depend on the thread").isEmpty();
    }
}
