package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.ElementwiseShape;
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

/**
 * Llama-3.1 decode layers on the bundled WSE-3 figures, the sums written out.
 *
 * <p>WSE-3: 7.8125e15 FLOP/s achievable (1.5625e16 × 0.5), 1.68e16 B/s of SRAM (2.1e16 × 0.8), 900,000 cores at
 * 1.085e9 Hz, one cycle a hop, 2 cycles of ramp (a dependent step: 2 × 2 + 1 = 5 cycles); system I/O 1.5e11 B/s with
 * 10 µs a crossing. Each layer as the planner emits it at BF16 for one sequence with 1,024 keys of context: two
 * RMSNorms, QKV, attention, O, up+gate and down (the element-wise kernels, rotary, SiLU and residual adds, are left
 * out: no fabric phase, under 0.01 µs of work), and the wafer's LM head. Every matrix product is compute-bound at one
 * token: 1 FLOP per weight byte against a ridge of 7.8125e15 ÷ 1.68e16 = 0.47.
 */
class WaferLlamaLayersTest {

    private static final double NANOSECOND = 1e-9;
    private static final Residency ON_WAFER = Residency.allIn("sram");

    private final WaferRoofline wse3 = (WaferRoofline) wse3().roofline();

    private static Accelerator wse3() {
        return new WaferPlugin().accelerators(HardwareLoader.contextFor(WaferPlugin.class.getClassLoader())).stream()
                .filter(a -> a.id().equals("cerebras-wse3")).findFirst().orElseThrow();
    }

    /** One Llama-3.1 decode stage of {@code layers} layers and the LM head, for {@code rows} sequences at once. */
    private static Step llama(long hidden, long queryHeads, long inner, int layers, int wafers, long rows) {
        long headDim = 128;
        long kvHeads = 8;
        long keys = 1024;
        long vocab = 128_256;
        double b = 2;
        long qkv = (queryHeads + 2 * kvHeads) * headDim;
        double kvPerToken = 2.0 * kvHeads * headDim * b;
        List<Kernel> kernels = new ArrayList<>();
        kernels.add(new Kernel("norm", KernelKind.NORM, 2L * layers, 4.0 * hidden * rows, Precision.BF16,
                new OperandBytes(hidden * b, 0, hidden * b * rows), new OperandBytes(0, 0, hidden * b * rows),
                new ElementwiseShape(hidden * rows)));
        kernels.add(gemm("qkv_proj", layers, rows, qkv, hidden));
        kernels.add(new Kernel("attention", KernelKind.ATTENTION, layers, 4.0 * keys * queryHeads * headDim * rows,
                Precision.BF16, new OperandBytes(0, keys * kvPerToken * rows, queryHeads * headDim * b * rows),
                new OperandBytes(0, kvPerToken * rows, queryHeads * headDim * b * rows),
                new AttentionShape(rows, rows, (double) keys * rows, (int) queryHeads, (int) kvHeads, (int) headDim)));
        kernels.add(gemm("o_proj", layers, rows, hidden, hidden));
        kernels.add(gemm("mlp_up", layers, rows, 2 * inner, hidden));
        kernels.add(gemm("mlp_down", layers, rows, hidden, inner));
        kernels.add(gemm("lm_head", 1, rows, vocab, hidden));
        return new Step(Phase.DECODE, kernels, ON_WAFER, new ParallelLayout(1, wafers, 1, 1), layers, (int) rows);
    }

    private static Kernel gemm(String name, long count, long m, long n, long k) {
        return new Kernel(name, KernelKind.GEMM, count, 2.0 * m * n * k, Precision.BF16,
                new OperandBytes(n * k * 2.0, 0, m * k * 2.0), new OperandBytes(0, 0, m * n * 2.0),
                new GemmShape(m, n, k));
    }

    private static Step llama8b(long rows) {
        return llama(4096, 32, 14_336, 32, 1, rows);
    }

    /** The last of four wafers: 20 of the 80 layers and the LM head. */
    private static Step llama70bLastWafer(long rows) {
        return llama(8192, 64, 28_672, 20, 4, rows);
    }

    @Test
    void aLlama8bLayerTakesItsRegionsComputeAndTenReductionsOverItsSide() {
        LayerRegions regions = wse3.regions(llama8b(1));
        // held a layer: 2 × 8,192 (norms) + 50,331,648 (QKV) + 4,194,304 (KV of 1,024 keys) + 33,554,432 (O)
        //   + 234,881,024 (up+gate) + 117,440,512 (down) = 440,418,304 B; the LM head 1,050,673,152 B;
        //   all: 32 × 440,418,304 + 1,050,673,152 = 15,144,058,880 B
        // φ = 440,418,304 ÷ 15,144,058,880 = 0.029082 → 26,174 cores, side √26,174 = 161.78
        assertThat(regions.share(0)).isCloseTo(0.029082, within(1e-6));
        assertThat(regions.side(0)).isCloseTo(161.78, within(0.01));
        // work: (50,331,648 + 16,777,216 + 33,554,432 + 234,881,024 + 117,440,512) = 452,984,832 FLOP
        //   ÷ 7.8125e15 FLOP/s ÷ 0.029082 = 1.9939 µs (the norms add 0.1 ns)
        // fabric: broadcast 160.78 hops + 5 = 165.78 cycles; reduce 160.78 + 5 × log2 161.78 (7.3379) = 197.47;
        //   QKV, attention, O, up, down: 5 × (165.78 + 197.47); two norms: 2 × (197.47 + 165.78);
        //   the hand-off to the next layer: 165.78 → 7 × 363.26 + 165.78 = 2,708.57 cycles ÷ 1.085e9 Hz = 2.4964 µs
        //   (the streams, 257 cycles, flow while the cores compute)
        // layer = 2.4964 + 1.9939 = 4.4903 µs
        assertThat(regions.regionSeconds(0, 1)).isCloseTo(4.4903e-6, within(NANOSECOND));
    }

    @Test
    void aLlama70bLayerIsWiderSoItsRegionIsLargerAndItsReductionsLonger() {
        LayerRegions regions = wse3.regions(llama70bLastWafer(1));
        // held a layer: 2 × 16,384 + 167,772,160 (QKV) + 4,194,304 (KV) + 134,217,728 (O) + 939,524,096 (up+gate)
        //   + 469,762,048 (down) = 1,715,503,104 B; LM head 2,101,346,304 B; the wafer: 20 × 1,715,503,104
        //   + 2,101,346,304 = 36,411,408,384 B
        // φ = 1,715,503,104 ÷ 36,411,408,384 = 0.047114 → 42,403 cores, side 205.92
        assertThat(regions.share(0)).isCloseTo(0.047114, within(1e-6));
        assertThat(regions.side(0)).isCloseTo(205.92, within(0.01));
        // work: (167,772,160 + 33,554,432 + 134,217,728 + 939,524,096 + 469,762,048) = 1,744,830,464 FLOP
        //   ÷ 7.8125e15 ÷ 0.047114 = 4.7405 µs
        // fabric: broadcast 204.92 + 5 = 209.92; reduce 204.92 + 5 × log2 205.92 (7.6859) = 243.35;
        //   7 × 453.27 + 209.92 = 3,382.81 cycles ÷ 1.085e9 Hz = 3.1178 µs
        // layer = 3.1178 + 4.7405 = 7.8583 µs: 1.75× the 8B layer, for 3.9× its weights
        assertThat(regions.regionSeconds(0, 1)).isCloseTo(7.8583e-6, within(NANOSECOND));
    }

    @Test
    void aLlama8bTokenCrossesEveryLayerRegionInTurn() {
        StepTiming timing = wse3.stepTiming(llama8b(1));
        // LM head: φ = 1,050,673,152 ÷ 15,144,058,880 = 0.069379, side 249.88; work 1,050,673,152 FLOP ÷ 7.8125e15
        //   ÷ 0.069379 = 1.9384 µs; fabric (253.88 + 288.71) + 253.88 = 796.47 cycles = 0.7341 µs → 2.6725 µs
        // token = 32 × 4.4903 + 2.6725 = 146.36 µs (6,832 tokens/s before any serving-stack overhead), against
        //   15,144,058,880 B ÷ 1.68e16 B/s = 0.90 µs if every region could read at once
        assertThat(timing.latencySeconds()).isCloseTo(146.36e-6, within(10 * NANOSECOND));
        // one sequence: one micro-batch, the interval the slowest region's (a layer's)
        assertThat(timing.intervalSeconds()).isCloseTo(4.4903e-6, within(NANOSECOND));
        // of which the fabric's own latency (hops and ramps, apart from the cores' work): 32 layers × 2.4964 µs +
        // the head's 0.7341 µs = 80.62 µs; a layer's 2.4964 µs of the interval
        assertThat(timing.hardwareLatencySeconds()).isCloseTo(80.62e-6, within(10 * NANOSECOND));
        assertThat(timing.hardwareIntervalSeconds()).isCloseTo(2.4964e-6, within(NANOSECOND));
    }

    @Test
    void aLlama70bTokenCrossesFourWafersAndThreeSystemIoHops() {
        StepTiming timing = wse3.stepTiming(llama70bLastWafer(1));
        // LM head: φ = 2,101,346,304 ÷ 36,411,408,384 = 0.057711, side 227.90; work 2,101,346,304 ÷ 7.8125e15
        //   ÷ 0.057711 = 4.6607 µs; fabric (231.90 + 266.07) + 231.90 = 729.87 cycles = 0.6727 µs → 5.3334 µs
        // one wafer: 20 × 7.8583 + 5.3334 = 162.50 µs; a hop: 10 µs + 16,384 B ÷ 1.5e11 B/s = 10.109 µs
        // token = 4 × 162.50 + 3 × 10.109 = 680.33 µs (1,470 tokens/s before any serving-stack overhead)
        assertThat(timing.latencySeconds()).isCloseTo(680.33e-6, within(10 * NANOSECOND));
        // its hardware part: 4 wafers × (20 × 3.1178 + 0.6727) µs of fabric + the 3 crossings' 30.327 µs = 282.44 µs
        assertThat(timing.hardwareLatencySeconds()).isCloseTo(282.44e-6, within(10 * NANOSECOND));
    }

    @Test
    void thirtyTwoSequencesFillTheRegionsOfOneWaferAtNearlyTheSpeedOfOne() {
        StepTiming timing = wse3.stepTiming(llama8b(32));
        // The KV cache of 32 sequences now sits in each layer's region: held 436,224,000 + 32 × 4,194,304
        //   = 570,441,728 B a layer, φ = 570,441,728 ÷ (32 × 570,441,728 + 1,050,673,152) = 0.029549, side 163.08.
        // The blocks hold as many micro-batches as the path is long in layer times (about 33), so 32 of one
        //   sequence each: a layer takes 2.5146 µs of fabric (7 × (167.08 + 198.82) + 167.08 = 2,728.39 cycles)
        //   + 1.9624 µs of work = 4.4770 µs, the LM head (φ 0.054425) 3.1253 µs; each micro-batch's token:
        //   32 × 4.4770 + 3.1253 = 146.39 µs
        assertThat(timing.latencySeconds()).isCloseTo(146.39e-6, within(10 * NANOSECOND));
        // the interval: the busiest region (a layer) once per micro-batch, 32 × 4.4770 = 143.26 µs
        assertThat(timing.intervalSeconds()).isCloseTo(143.26e-6, within(10 * NANOSECOND));
        // as one micro-batch of 32 rows every region would do 32 tokens' work in turn: 2,169.65 µs a token
        LayerRegions regions = wse3.regions(llama8b(32));
        assertThat(regions.pathSeconds(1)).isCloseTo(2169.65e-6, within(100 * NANOSECOND));
    }

    @Test
    void eightSequencesOnEachOfFourWafersKeepTheLatencyOfOne() {
        StepTiming timing = wse3.stepTiming(llama70bLastWafer(8));
        // 8 micro-batches of one sequence (φ 0.047160, side 206.02): a layer 7.8551 µs; one wafer's path 162.51 µs;
        //   latency 4 × 162.51 + 3 × 10.109 = 680.35 µs; interval 8 × 7.8551 = 62.84 µs; the host, with 4 stage
        //   micro-batches of 8 in flight, charges max(680.35, 4 × 62.84) = 680.35 µs a token to each of 32 users
        assertThat(timing.latencySeconds()).isCloseTo(680.35e-6, within(10 * NANOSECOND));
        assertThat(timing.intervalSeconds()).isCloseTo(62.84e-6, within(10 * NANOSECOND));
    }
}
