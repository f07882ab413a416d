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
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

class WaferRooflineTest {

    private static final double TOLERANCE = 1e-12;
    private static final Residency ON_WAFER = Residency.allIn("sram");
    private static final Residency STREAMING = new Residency("external", "sram", "sram");

    private final WaferRoofline roofline = (WaferRoofline) WaferFixtures.accelerator().roofline();

    /**
     * One decode layer: 999,968,000 weight bytes and 16,000 activation bytes read, 16,000 written (the residual
     * stream): at the whole wafer's rates 1e9 bytes ÷ 10e15 B/s = 0.1 µs against 1e8 FLOPs ÷ 5e15 = 0.02 µs, so
     * bandwidth bound.
     */
    private static Kernel decodeLayer(long layersOnWafer) {
        return WaferFixtures.gemm("layer", layersOnWafer, 1e8,
                new OperandBytes(999_968_000, 0, 16_000), new OperandBytes(0, 0, 16_000));
    }

    @Test
    void aTokenReadsEachLayerAtItsRegionsShareOfTheBandwidth() {
        // Four layers on one wafer, each on a quarter of it: 250,000 cores, 500 a side.
        StepTiming timing = roofline.stepTiming(WaferFixtures.decodeStep(List.of(decodeLayer(4)), ON_WAFER, 1, 4));
        // work: 1e9 B ÷ 10e15 B/s = 0.1 µs at the whole wafer's bandwidth ÷ 1/4 = 0.4 µs a layer, so the token
        //   reads its 4e9 bytes in 1.6 µs, not the 0.4 µs of all four regions reading at once
        // fabric: broadcast 499 hops + 5 = 504 cycles; reduce 499 + 5 × log2 500 (8.965784) = 543.828921; hand-off
        //   504 → 1,551.828921 cycles at 1 GHz = 1.551828921 µs (streams of 8 + 8 + 8 wavelets flow during the work)
        // layer = 1.551828921 + 0.4 = 1.951828921 µs; token = 4 × 1.951828921 = 7.807315686 µs
        assertThat(timing.latencySeconds()).isCloseTo(7.807315686e-6, within(TOLERANCE));
        assertThat(timing.intervalSeconds()).isCloseTo(1.951828921e-6, within(TOLERANCE));
    }

    @Test
    void aModelOnSeveralWafersPaysInterWaferHopsButGivesEachLayerMoreCores() {
        // A 16-layer model.
        StepTiming oneWafer = roofline.stepTiming(
                WaferFixtures.decodeStep(List.of(decodeLayer(16)), ON_WAFER, 1, 16));
        StepTiming fourWafers = roofline.stepTiming(
                WaferFixtures.decodeStep(List.of(decodeLayer(4)), ON_WAFER, 4, 4));

        // One wafer: 62,500 cores, 250 a side, a layer: 0.1 µs × 16 = 1.6 µs of work + fabric (254
        //   + (249 + 5 × log2 250 = 288.828921) + 254 = 796.828921 cycles) = 2.396828921 µs; 16 layers
        //   = 38.349262736 µs, and no hop.
        assertThat(oneWafer.latencySeconds()).isCloseTo(38.349262736e-6, within(TOLERANCE));

        // Four wafers of four layers, each layer 500 a side: 1.951828921 µs (as above); a wafer 7.807315686 µs;
        // hop = 10 µs + 16,000 B ÷ 100e9 B/s = 10.16 µs; latency = 4 × 7.807315686 + 3 × 10.16 = 61.709262744 µs.
        assertThat(fourWafers.latencySeconds()).isCloseTo(61.709262744e-6, within(TOLERANCE));
        // the interval: the slowest of a layer (1.951828921 µs) and the system I/O's transfer (0.16 µs)
        assertThat(fourWafers.intervalSeconds()).isCloseTo(1.951828921e-6, within(TOLERANCE));
    }

    @Test
    void sequencesInFlightFollowOneAnotherThroughTheRegions() {
        // 16 compute-bound layers (2e9 FLOPs a row against 1e9 weight bytes) and 4 sequences: 64,000 activation
        // bytes in and out. Each layer has 62,500 cores, 250 a side.
        Kernel layer = new Kernel("layer", KernelKind.GEMM, 16, 8e9, Precision.FP16,
                new OperandBytes(1e9, 0, 64_000), new OperandBytes(0, 0, 64_000), new GemmShape(4, 8000, 8000));
        Step step = new Step(Phase.DECODE, List.of(layer), ON_WAFER, new ParallelLayout(1, 1, 1, 1), 16, 4);
        StepTiming timing = roofline.stepTiming(step);
        // The blocks could hold 16 micro-batches (k × a layer's time ≤ 16 layers' time), so each sequence is one:
        // work 2e9 ÷ 5e15 = 0.4 µs ÷ 1/16 = 6.4 µs; fabric 796.828921 cycles = 0.796828921 µs (as above); a layer
        // 7.196828921 µs; the token of each: 16 × 7.196828921 = 115.149262736 µs
        assertThat(timing.latencySeconds()).isCloseTo(115.149262736e-6, within(TOLERANCE));
        // each layer region busy once per micro-batch: interval 4 × 7.196828921 = 28.787315684 µs, a quarter of the
        // latency
        assertThat(timing.intervalSeconds()).isCloseTo(28.787315684e-6, within(TOLERANCE));
        // as one micro-batch of four every layer would do four tokens' work: 0.796828921 + 25.6 = 26.396828921 µs,
        // 16 × 26.396828921 = 422.349262736 µs a token
        assertThat(roofline.regions(step).pathSeconds(1)).isCloseTo(422.349262736e-6, within(TOLERANCE));
    }

    @Test
    void aPromptsChunksFillAndDrainTheRegions() {
        // The same 16 layers on a prompt of 4 tokens, in k chunks: latency (16 + k − 1) × (0.796828921 + 25.6 ÷ k)
        // µs falls until k = √(15 × 25.6 ÷ 0.796828921) = 22, so the most chunks the prompt has, four of one token:
        // the last one's result comes after the first's path and three more layer times, 19 × 7.196828921
        // = 136.739749499 µs (one chunk: 422.349 µs; two: 17 × 13.597 = 231.146 µs).
        Kernel layer = new Kernel("layer", KernelKind.GEMM, 16, 8e9, Precision.FP16,
                new OperandBytes(1e9, 0, 64_000), new OperandBytes(0, 0, 64_000), new GemmShape(4, 8000, 8000));
        StepTiming timing = roofline.stepTiming(
                new Step(Phase.PREFILL, List.of(layer), ON_WAFER, new ParallelLayout(1, 1, 1, 1), 16, 1));
        assertThat(timing.latencySeconds()).isCloseTo(136.739749499e-6, within(TOLERANCE));
        assertThat(timing.intervalSeconds()).isCloseTo(28.787315684e-6, within(TOLERANCE));
    }

    @Test
    void weightStreamingIsBoundByTheExternalBandwidth() {
        // A decode step over 4 layers whose 4 × 1e9 = 4e9 weight bytes stream from MemoryX; KV 1e8 B a layer in SRAM.
        Kernel layer = WaferFixtures.gemm("layer", 4, 1e8, new OperandBytes(1e9, 1e8, 0), OperandBytes.NONE);
        StepTiming timing = roofline.stepTiming(WaferFixtures.decodeStep(List.of(layer), STREAMING, 1, 4));
        // W ÷ external.bytesPerSecond = 4e9 ÷ 100e9 = 40 ms is the floor ...
        assertThat(timing.latencySeconds()).isGreaterThanOrEqualTo(4e9 / 100e9);
        // ... and each layer runs on the whole wafer in turn (1,000 a side): 1e9 ÷ 80e9 + 1e8 ÷ 10e15
        //   = 12.50001 ms of work, fabric 1,004 + 1,048.828921 + 1,004 = 3,056.828921 cycles = 3.056828921 µs;
        //   4 × (12.50001 ms + 3.056828921 µs) = 50.012267316 ms
        assertThat(timing.latencySeconds()).isCloseTo(0.050012267316, within(TOLERANCE));
        // nothing overlaps: the interval is the latency
        assertThat(timing.intervalSeconds()).isCloseTo(0.050012267316, within(TOLERANCE));
    }

    @Test
    void theMicroBatchSearchesFindTheRootAndTheMinimum() {
        // 10 − k falls through zero at k = 10; within rows of 64, and held at the rows when it stays positive
        assertThat(WaferRoofline.largestNonNegative(k -> 10 - k, 64)).isCloseTo(10, within(1e-9));
        assertThat(WaferRoofline.largestNonNegative(k -> 100 - k, 64)).isEqualTo(64);
        assertThat(WaferRoofline.largestNonNegative(k -> -k, 64)).isEqualTo(1);
        // (k − 3)² is least at 3; k + 1 at the first end; 100 − k at the last
        assertThat(WaferRoofline.leastOf(k -> (k - 3) * (k - 3), 64)).isCloseTo(3, within(1e-6));
        assertThat(WaferRoofline.leastOf(k -> k + 1, 64)).isEqualTo(1);
        assertThat(WaferRoofline.leastOf(k -> 100 - k, 64)).isEqualTo(64);
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
