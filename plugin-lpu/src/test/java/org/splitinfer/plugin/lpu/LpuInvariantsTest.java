package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.TierUsage;

/** The compatibility kit's checks, written out until the testkit lands. */
class LpuInvariantsTest {

    private final Accelerator accelerator = LpuFixtures.accelerator();
    private final Residency sram = Residency.allIn("sram");

    private static Kernel kernel(double flops, double bytes) {
        return LpuFixtures.gemm("k", 3, flops, Precision.FP16, new OperandBytes(bytes / 2, bytes / 4, bytes / 8),
                new OperandBytes(0, 0, bytes / 8));
    }

    @Test
    void kernelTimeNeverFallsBelowTheRooflineAndGrowsWithFlopsAndBytes() {
        double peak = accelerator.roofline().peakFlopsPerSecond(Precision.FP16);
        double bandwidth = accelerator.memory().tier("sram").bytesPerSecond();
        double previousFlops = -1;
        for (double flops = 0; flops <= 1e13; flops = flops == 0 ? 1e3 : flops * 10) {
            double previousBytes = -1;
            for (double bytes = 0; bytes <= 1e11; bytes = bytes == 0 ? 1e3 : bytes * 10) {
                Kernel k = kernel(flops, bytes);
                double seconds = accelerator.roofline().kernelSeconds(k, sram);
                double bound = Math.max(flops / peak, k.bytesMoved().total() / bandwidth) * 3;
                assertThat(seconds).isGreaterThanOrEqualTo(bound).isGreaterThanOrEqualTo(previousBytes);
                assertThat(accelerator.roofline().kernelSeconds(k, sram)).isEqualTo(seconds);
                previousBytes = seconds;
            }
            double seconds = accelerator.roofline().kernelSeconds(kernel(flops, 1e6), sram);
            assertThat(seconds).isGreaterThanOrEqualTo(previousFlops);
            previousFlops = seconds;
        }
    }

    @Test
    void placementsNeverExceedATiersCapacity() {
        for (int chips : new int[] {1, 2, 7, 100, 1000}) {
            Footprint footprint = new Footprint(14e9, 131_072, 32_768, 1e8);
            Placement placement = accelerator.memory().place(footprint, chips);
            for (TierUsage usage : placement.perChip()) {
                MemoryTier tier = accelerator.memory().tier(usage.tier());
                assertThat(usage.totalBytes()).isLessThanOrEqualTo(tier.capacityBytes() * (1 + 1e-12));
            }
            assertThat(accelerator.memory().place(footprint, chips)).isEqualTo(placement);
        }
    }

    @Test
    void wattsStayBetweenIdleAndPeak() {
        for (double u = 0; u <= 1.0; u += 0.125) {
            assertThat(accelerator.power().watts(u))
                    .isBetween(accelerator.power().idleWatts(), accelerator.power().peakWatts());
        }
    }

    @Test
    void collectivesAreFreeAloneAndGrowWithBytes() {
        for (CollectiveKind kind : List.of(CollectiveKind.ALL_REDUCE, CollectiveKind.ALL_GATHER,
                CollectiveKind.REDUCE_SCATTER, CollectiveKind.ALL_TO_ALL, CollectiveKind.SEND_RECV,
                new CollectiveKind("vendor-broadcast"))) {
            assertThat(accelerator.interconnect().collectiveSeconds(new Collective("c", kind, 1e6, 1, 1))).isZero();
            for (int participants : new int[] {2, 8, 9, 64}) {
                double previous = -1;
                for (double bytes = 0; bytes <= 1e10; bytes = bytes == 0 ? 1 : bytes * 100) {
                    double seconds = accelerator.interconnect()
                            .collectiveSeconds(new Collective("c", kind, bytes, participants, 2));
                    assertThat(seconds).isGreaterThanOrEqualTo(previous);
                    previous = seconds;
                }
            }
        }
    }

    @Test
    void stepIntervalNeverExceedsLatency() {
        for (int stages = 1; stages <= 64; stages *= 2) {
            StepTiming timing = accelerator.roofline().stepTiming(
                    LpuFixtures.decodeStep(List.of(kernel(1e9, 1e8)), stages, 4));
            assertThat(timing.intervalSeconds()).isLessThanOrEqualTo(timing.latencySeconds());
            assertThat(timing.intervalSeconds()).isPositive();
        }
    }
}
