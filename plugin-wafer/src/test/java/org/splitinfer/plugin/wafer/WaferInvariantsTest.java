package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.TierUsage;

/** The compatibility kit's checks, written out until the testkit lands. */
class WaferInvariantsTest {

    private final Accelerator accelerator = WaferFixtures.accelerator();
    private final List<Residency> residencies = List.of(Residency.allIn("sram"),
            new Residency("external", "sram", "sram"), Residency.allIn("external"));

    private static Kernel kernel(double flops, double bytes) {
        return WaferFixtures.gemm("k", 3, flops, new OperandBytes(bytes / 2, bytes / 4, bytes / 8),
                new OperandBytes(0, 0, bytes / 8));
    }

    private double bound(Kernel k, Residency residency) {
        MemoryModel memory = accelerator.memory();
        double memorySeconds = 0;
        for (OperandClass operand : OperandClass.values()) {
            memorySeconds += k.bytesMoved().of(operand) / memory.tier(residency.tierOf(operand)).bytesPerSecond();
        }
        return Math.max(k.flops() / accelerator.roofline().peakFlopsPerSecond(k.precision()), memorySeconds)
                * k.count();
    }

    @Test
    void kernelTimeNeverFallsBelowTheRooflineAndGrowsWithFlopsAndBytes() {
        for (Residency residency : residencies) {
            double previousFlops = -1;
            for (double flops = 0; flops <= 1e16; flops = flops == 0 ? 1e3 : flops * 10) {
                double previousBytes = -1;
                for (double bytes = 0; bytes <= 1e12; bytes = bytes == 0 ? 1e3 : bytes * 10) {
                    Kernel k = kernel(flops, bytes);
                    double seconds = accelerator.roofline().kernelSeconds(k, residency);
                    assertThat(seconds).isGreaterThanOrEqualTo(bound(k, residency))
                            .isGreaterThanOrEqualTo(previousBytes);
                    assertThat(accelerator.roofline().kernelSeconds(k, residency)).isEqualTo(seconds);
                    previousBytes = seconds;
                }
                double seconds = accelerator.roofline().kernelSeconds(kernel(flops, 1e6), residency);
                assertThat(seconds).isGreaterThanOrEqualTo(previousFlops);
                previousFlops = seconds;
            }
        }
    }

    @Test
    void placementsNeverExceedATiersCapacity() {
        for (int chips : new int[] {1, 2, 3, 4, 16}) {
            for (Footprint footprint : List.of(new Footprint(141.1e9, 327_680, 65_536, 1e9),
                    new Footprint(8e9, 131_072, 1_000, 0), new Footprint(5e12, 0, 0, 0))) {
                List<Placement> placements = new ArrayList<>(accelerator.memory().alternatives(footprint, chips));
                placements.add(accelerator.memory().place(footprint, chips));
                for (Placement placement : placements) {
                    for (TierUsage usage : placement.perChip()) {
                        assertThat(usage.totalBytes()).isLessThanOrEqualTo(
                                accelerator.memory().tier(usage.tier()).capacityBytes() * (1 + 1e-12));
                    }
                }
                assertThat(accelerator.memory().place(footprint, chips))
                        .isEqualTo(accelerator.memory().place(footprint, chips));
            }
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
            for (int participants : new int[] {2, 4, 16}) {
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
        for (Residency residency : residencies) {
            for (int wafers = 1; wafers <= 16; wafers *= 2) {
                StepTiming timing = accelerator.roofline().stepTiming(
                        WaferFixtures.decodeStep(List.of(kernel(1e12, 1e9)), residency, wafers, 4));
                assertThat(timing.intervalSeconds()).isLessThanOrEqualTo(timing.latencySeconds()).isPositive();
            }
        }
    }

    @Test
    void theOnlyComputePrecisionsAreThoseWithAPeak() {
        assertThat(accelerator.roofline().computePrecisions()).containsExactly(Precision.FP16);
    }
}
