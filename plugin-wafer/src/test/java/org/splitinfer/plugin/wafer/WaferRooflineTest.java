package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

class WaferRooflineTest {

    private static final double TOLERANCE = 1e-12;
    private static final Residency ON_WAFER = Residency.allIn("sram");
    private static final Residency STREAMING = new Residency("external", "sram", "sram");

    private final Roofline roofline = WaferFixtures.accelerator().roofline();

    /**
     * One decode layer: 999,968,000 weight bytes and 16,000 activation bytes read, 16,000 written (the residual
     * stream): 1e9 bytes ÷ 10e15 B/s = 0.1 µs against 1e8 FLOPs ÷ 5e15 = 0.02 µs, so bandwidth bound.
     */
    private static Kernel decodeLayer(long layersOnWafer) {
        return WaferFixtures.gemm("layer", layersOnWafer, 1e8,
                new OperandBytes(999_968_000, 0, 16_000), new OperandBytes(0, 0, 16_000));
    }

    @Test
    void aModelOnSeveralWafersPaysInterWaferHopsThatOneWaferDoesNot() {
        // An 8-layer model.
        StepTiming oneWafer = roofline.stepTiming(WaferFixtures.decodeStep(List.of(decodeLayer(8)), ON_WAFER, 1, 8));
        StepTiming fourWafers = roofline.stepTiming(WaferFixtures.decodeStep(List.of(decodeLayer(2)), ON_WAFER, 4, 2));

        // One wafer: stage = 8 × 0.1 µs + 8 layers × 1 µs fabric = 8.8 µs, and no hop.
        assertThat(oneWafer.latencySeconds()).isCloseTo(8.8e-6, within(TOLERANCE));
        assertThat(oneWafer.latencySeconds() - 1 * 8.8e-6).isCloseTo(0, within(TOLERANCE));
        assertThat(oneWafer.intervalSeconds()).isCloseTo(8.8e-6, within(TOLERANCE));

        // Four wafers: stage = 2 × 0.1 µs + 2 × 1 µs = 2.2 µs; hop = 10 µs + 16,000 B ÷ 100e9 B/s = 10.16 µs;
        // latency = 4 × 2.2 µs + 3 × 10.16 µs = 8.8 µs + 30.48 µs = 39.28 µs.
        double hopSeconds = 10.16e-6;
        assertThat(fourWafers.latencySeconds() - 4 * 2.2e-6).isCloseTo(3 * hopSeconds, within(TOLERANCE));
        assertThat(fourWafers.latencySeconds()).isCloseTo(39.28e-6, within(TOLERANCE));
        // interval = slowest stage + its share of the hops: 2.2 µs + 3/4 × 10.16 µs = 9.82 µs
        assertThat(fourWafers.intervalSeconds()).isCloseTo(9.82e-6, within(TOLERANCE));
    }

    @Test
    void weightStreamingIsBoundByTheExternalBandwidth() {
        // A decode step over 4 layers whose 4 × 1e9 = 4e9 weight bytes stream from MemoryX; KV 1e8 B a layer in SRAM.
        Kernel layer = WaferFixtures.gemm("layer", 4, 1e8, new OperandBytes(1e9, 1e8, 0), OperandBytes.NONE);
        StepTiming timing = roofline.stepTiming(WaferFixtures.decodeStep(List.of(layer), STREAMING, 1, 4));
        // W ÷ external.bytesPerSecond = 4e9 ÷ 100e9 = 40 ms is the floor ...
        assertThat(timing.latencySeconds()).isGreaterThanOrEqualTo(4e9 / 100e9);
        // ... and the model charges 4 × (1e9 ÷ 80e9 + 1e8 ÷ 10e15) + 4 × 1 µs = 4 × 12.50001 ms + 4 µs = 50.00004 ms + 0.004 ms = 50.00404 ms
        assertThat(timing.latencySeconds()).isCloseTo(4 * (1e9 / 80e9 + 1e8 / 10e15) + 4e-6, within(TOLERANCE));
        assertThat(timing.latencySeconds()).isCloseTo(0.05000404, within(TOLERANCE));
    }

    @Test
    void theSameWeightsOnTheWaferAreFarFaster() {
        Kernel layer = WaferFixtures.gemm("layer", 4, 1e8, new OperandBytes(1e9, 1e8, 0), OperandBytes.NONE);
        // 4 × (1e9 + 1e8) ÷ 10e15 = 0.44 µs, against 50 ms streamed
        assertThat(roofline.kernelSeconds(layer, ON_WAFER)).isCloseTo(0.44e-6, within(TOLERANCE));
    }

    @Test
    void kernelTimeIsComputeAtItsAchievableFractionWhenComputeBound() {
        Kernel prefill = WaferFixtures.gemm("prefill", 2, 1e15, new OperandBytes(1e9, 0, 1e9), OperandBytes.NONE);
        // compute 1e15 ÷ 5e15 = 0.2 s against memory 2e9 ÷ 10e15 = 0.2 µs; × 2
        assertThat(roofline.kernelSeconds(prefill, ON_WAFER)).isCloseTo(0.4, within(TOLERANCE));
    }

    @Test
    void aPrecisionWithoutAPeakAndAnUnknownTierAreRefused() {
        Kernel bf16 = new Kernel("k", KernelKind.GEMM, 1, 1, Precision.BF16,
                OperandBytes.NONE, OperandBytes.NONE, new GemmShape(1, 1, 1));
        assertThatThrownBy(() -> roofline.kernelSeconds(bf16, ON_WAFER))
                .isInstanceOf(UnsupportedPrecisionException.class);
        assertThatThrownBy(() -> roofline.kernelSeconds(decodeLayer(1), Residency.allIn("hbm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tiers: [sram, external]");
    }
}
