package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

class LpuRooflineTest {

    private static final double TOLERANCE = 1e-12;

    private final Roofline roofline = LpuFixtures.accelerator().roofline();

    /**
     * One layer of decode on one chip: reads 79,984,000 weight bytes and 8,000 activation bytes and writes 8,000
     * activation bytes (the residual stream the next stage receives): 79,984,000 + 8,000 + 8,000 = 80e6 bytes ÷ 80e12 B/s = 1 µs; its
     * 8e6 FLOPs ÷ 50e12 = 0.16 µs, so it is bandwidth bound.
     */
    private static Kernel decodeLayer(long layersOnChip) {
        return LpuFixtures.gemm("layer", layersOnChip, 8e6, Precision.FP16,
                new OperandBytes(79_984_000, 0, 8_000), new OperandBytes(0, 0, 8_000));
    }

    @Test
    void kernelTimeIsComputeAtItsAchievableFractionWhenComputeBound() {
        Kernel kernel = LpuFixtures.gemm("prefill", 3, 1e12, Precision.FP16,
                new OperandBytes(1e9, 0, 0), OperandBytes.NONE);
        // compute 1e12 ÷ (100e12 × 0.5) = 0.02 s; memory 1e9 ÷ (100e12 × 0.8) = 1.25e-5 s; × 3 invocations
        assertThat(roofline.kernelSeconds(kernel, Residency.allIn("sram"))).isCloseTo(0.06, within(TOLERANCE));
    }

    @Test
    void kernelTimeIsSramAtItsAchievableFractionWhenBandwidthBound() {
        Kernel kernel = LpuFixtures.gemm("decode", 1, 1e9, Precision.INT8,
                new OperandBytes(6e9, 1e9, 0), new OperandBytes(0, 0, 1e9));
        // compute 1e9 ÷ (400e12 × 0.5) = 5e-6 s; memory (6e9 + 1e9 + 1e9) ÷ 80e12 = 1e-4 s; no launch cost added
        assertThat(roofline.kernelSeconds(kernel, Residency.allIn("sram"))).isCloseTo(1e-4, within(TOLERANCE));
    }

    @Test
    void aPrecisionWithoutAPeakFigureIsRefused() {
        Kernel kernel = LpuFixtures.gemm("bf16", 1, 1e9, Precision.BF16, new OperandBytes(1, 0, 0),
                OperandBytes.NONE);
        assertThat(roofline.computePrecisions()).containsExactly(Precision.FP16, Precision.INT8);
        assertThatThrownBy(() -> roofline.kernelSeconds(kernel, Residency.allIn("sram")))
                .isInstanceOf(UnsupportedPrecisionException.class)
                .hasMessage("test-lpu cannot compute in bf16; it runs [fp16, int8]: choose one of those with --precision");
    }

    @Test
    void anOperandOutsideSramIsRefusedBecauseThereIsNoDram() {
        Kernel kernel = decodeLayer(1);
        assertThatThrownBy(() -> roofline.kernelSeconds(kernel, new Residency("hbm", "sram", "sram")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tiers: [sram]");
    }

    @Test
    void stepLatencyContainsOneHopLatencyPerChipBoundary() {
        // Weights only, so no activation crosses a boundary and each hop is exactly hop.latencySeconds = 1 µs.
        Kernel weightsOnly = LpuFixtures.gemm("layer", 2, 0, Precision.FP16,
                new OperandBytes(80e6, 0, 0), OperandBytes.NONE);
        StepTiming timing = roofline.stepTiming(LpuFixtures.decodeStep(List.of(weightsOnly), 3, 2));
        // stage = 2 × (80e6 ÷ 80e12) + 2 layers × 2 µs = 2 µs + 4 µs = 6 µs
        double stageSeconds = 6e-6;
        // 3 stages, 2 boundaries: latency = 3 × 6 µs + 2 × 1 µs = 20 µs
        assertThat(timing.latencySeconds()).isCloseTo(20e-6, within(TOLERANCE));
        assertThat(timing.latencySeconds() - 3 * stageSeconds).isCloseTo(2 * 1e-6, within(TOLERANCE));
        // the machine's own part: the schedule's 3 stages × 4 µs and the 2 hops' 2 µs = 14 µs of the 20; the
        // interval's: 4 µs of schedule and 2 × 1 µs ÷ 3 of hops = 4.667 µs
        assertThat(timing.hardwareLatencySeconds()).isCloseTo(14e-6, within(TOLERANCE));
        assertThat(timing.hardwareIntervalSeconds()).isCloseTo(4e-6 + 2e-6 / 3, within(TOLERANCE));
    }

    @Test
    void spreadingTheModelOverMoreChipsCutsPerChipWorkAndAddsHops() {
        // An 8-layer model. hop = 1 µs + 8,000 B ÷ 10e9 B/s = 1.8 µs.
        double hopSeconds = 1.8e-6;
        StepTiming twoStages = roofline.stepTiming(LpuFixtures.decodeStep(List.of(decodeLayer(4)), 2, 4));
        StepTiming fourStages = roofline.stepTiming(LpuFixtures.decodeStep(List.of(decodeLayer(2)), 4, 2));

        // Per-chip work: 4 layers × 1 µs = 4 µs on 2 chips, 2 layers × 1 µs = 2 µs on 4 chips.
        assertThat(roofline.kernelSeconds(decodeLayer(4), Residency.allIn("sram"))).isCloseTo(4e-6, within(TOLERANCE));
        assertThat(roofline.kernelSeconds(decodeLayer(2), Residency.allIn("sram"))).isCloseTo(2e-6, within(TOLERANCE));
        // stage = work + layers × 2 µs: 4 + 8 = 12 µs on 2 chips, 2 + 4 = 6 µs on 4 chips; the compute and
        // schedule terms of the latency are stages × stage = 24 µs either way.
        double twoStageCompute = 2 * 12e-6;
        double fourStageCompute = 4 * 6e-6;
        assertThat(twoStageCompute).isCloseTo(fourStageCompute, within(TOLERANCE));
        // Hop terms: 1 boundary × 1.8 µs on 2 chips, 3 boundaries × 1.8 µs = 5.4 µs on 4 chips.
        assertThat(twoStages.latencySeconds() - twoStageCompute).isCloseTo(1 * hopSeconds, within(TOLERANCE));
        assertThat(fourStages.latencySeconds() - fourStageCompute).isCloseTo(3 * hopSeconds, within(TOLERANCE));
        // So the token takes longer (25.8 µs → 29.4 µs) while the pipeline starts steps sooner (12.9 µs → 7.35 µs).
        assertThat(twoStages.latencySeconds()).isCloseTo(25.8e-6, within(TOLERANCE));
        assertThat(fourStages.latencySeconds()).isCloseTo(29.4e-6, within(TOLERANCE));
        assertThat(twoStages.intervalSeconds()).isCloseTo(12.9e-6, within(TOLERANCE));
        assertThat(fourStages.intervalSeconds()).isCloseTo(7.35e-6, within(TOLERANCE));
    }

    @Test
    void intervalIsTheSlowestStagePlusItsShareOfHops() {
        StepTiming timing = roofline.stepTiming(LpuFixtures.decodeStep(List.of(decodeLayer(2)), 4, 2));
        // stage 6 µs (above) + 3/4 × 1.8 µs = 7.35 µs: a new step every stage time, not every latency (29.4 µs)
        assertThat(timing.intervalSeconds()).isCloseTo(6e-6 + 0.75 * 1.8e-6, within(TOLERANCE));
        assertThat(timing.intervalSeconds()).isLessThan(timing.latencySeconds());
    }

    @Test
    void oneStageHasNoHopAndItsIntervalIsItsLatency() {
        StepTiming timing = roofline.stepTiming(LpuFixtures.decodeStep(List.of(decodeLayer(8)), 1, 8));
        // 8 × 1 µs + 8 layers × 2 µs = 24 µs, no boundary
        assertThat(timing.latencySeconds()).isCloseTo(24e-6, within(TOLERANCE));
        assertThat(timing.intervalSeconds()).isCloseTo(24e-6, within(TOLERANCE));
    }

    @Test
    void theResidualStreamReadByANormIsWhatCrossesABoundary() {
        Kernel norm = new Kernel("rmsnorm", KernelKind.NORM, 2, 0, Precision.FP16,
                new OperandBytes(0, 0, 16_000), new OperandBytes(0, 0, 16_000),
                new ElementwiseShape(8_000));
        Kernel wideOutput = LpuFixtures.gemm("mlp_up", 2, 0, Precision.FP16,
                new OperandBytes(0, 0, 16_000), new OperandBytes(0, 0, 56_000));
        // The MLP's 56,000-byte output is wider than the 16,000-byte residual stream the norm reads.
        assertThat(LpuRoofline.boundaryBytes(List.of(norm, wideOutput))).isEqualTo(16_000);
        assertThat(LpuRoofline.boundaryBytes(List.of(wideOutput))).isEqualTo(56_000);
        assertThat(LpuRoofline.boundaryBytes(List.of())).isZero();
    }
}
