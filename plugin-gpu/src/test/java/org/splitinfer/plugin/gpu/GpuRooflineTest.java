package org.splitinfer.plugin.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.splitinfer.plugin.gpu.GpuFixtures.gemm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

class GpuRooflineTest {
    private static final Residency HBM = Residency.allIn("hbm");
    private final Roofline roofline = GpuFixtures.chip().roofline();

    @Test
    void decodeIsMemoryBoundAtBatchOne() {
        // Llama-2-70B-like projection at batch 1: m = 1, n = k = 8192, fp16.
        // FLOPs = 2 × 1 × 8192 × 8192 = 134,217,728.
        // Bytes = weights 8192 × 8192 × 2 = 134,217,728 + activations read 8192 × 2 = 16,384 + written 16,384
        //       = 134,250,496.
        // Memory: 134,250,496 ÷ (2.5e12 × 0.8 = 2e12 B/s) = 67.125248 µs.
        // Compute: fraction 0.8 × 1 ÷ (1 + 64) = 0.8/65; 134,217,728 ÷ (1e15 × 0.8/65) = 10.905 µs, below memory.
        // Time = launch 2 µs + 67.125248 µs = 69.125248 µs.
        Kernel decode = gemm(1, 8192, 8192, Precision.FP16);

        double seconds = roofline.kernelSeconds(decode, HBM);

        assertThat(seconds).isCloseTo(69.125248e-6, within(1e-12));
        double computeSeconds = 134_217_728.0 * 65 / 0.8e15;
        assertThat(computeSeconds).isCloseTo(10.9051904e-6, within(1e-12));
        assertThat(seconds - 2e-6).isGreaterThan(computeSeconds);
    }

    @Test
    void prefillGemmOfFourThousandTokensIsComputeBound() {
        // m = 4096, n = k = 8192, fp16. FLOPs = 2 × 4096 × 8192 × 8192 = 549,755,813,888.
        // Fraction = 0.8 × 4096 ÷ (4096 + 64) = 0.8 × 4096/4160.
        // Compute = 549,755,813,888 × 4160 ÷ (0.8e15 × 4096) = 134,217,728 × 4160 ÷ 8e14 = 697.9321856 µs.
        // Bytes = 134,217,728 + 2 × 4096 × 8192 × 2 = 268,435,456 → ÷ 2e12 = 134.217728 µs, below compute.
        // Time = 2 µs + 697.9321856 µs = 699.9321856 µs.
        Kernel prefill = gemm(4096, 8192, 8192, Precision.FP16);

        assertThat(roofline.kernelSeconds(prefill, HBM)).isCloseTo(699.9321856e-6, within(1e-12));
    }

    @Test
    void launchCostIsPaidPerInvocation() {
        // An empty kernel invoked 80 times (once per layer) costs 80 × 2 µs = 160 µs.
        Kernel empty = new Kernel("empty", KernelKind.ELEMENTWISE, 80, 0, Precision.BF16, OperandBytes.NONE,
                OperandBytes.NONE, new ElementwiseShape(1));
        assertThat(roofline.kernelSeconds(empty, HBM)).isCloseTo(160e-6, within(1e-15));

        // The batch-1 decode GEMM 80 times: 80 × 69.125248 µs = 5,530.01984 µs.
        Kernel decode = gemm(1, 8192, 8192, Precision.FP16).withCount(80);
        assertThat(roofline.kernelSeconds(decode, HBM)).isCloseTo(5530.01984e-6, within(1e-11));
    }

    @Test
    void skinnyGemmsReachALowerFractionThanLargeOnes() {
        // Compute-only GEMMs (no bytes) so the achieved rate is FLOPs ÷ (time − launch) = 1e15 × 0.8 × m ÷ (m + 64).
        double skinny = achievedFlopsPerSecond(16);   // 1e15 × 0.8 × 16/80   = 160 TFLOP/s
        double medium = achievedFlopsPerSecond(256);  // 1e15 × 0.8 × 256/320 = 640 TFLOP/s
        double large = achievedFlopsPerSecond(8192);  // 1e15 × 0.8 × 8192/8256 ≈ 793.8 TFLOP/s

        assertThat(skinny).isCloseTo(160e12, within(1e3));
        assertThat(medium).isCloseTo(640e12, within(1e3));
        assertThat(large).isCloseTo(0.8e15 * 8192 / 8256, within(1e3));
        assertThat(skinny).isLessThan(medium);
        assertThat(medium).isLessThan(large);
        assertThat(large).isLessThan(0.8e15);
    }

    @Test
    void decodeAttentionReachesALowerFractionThanPrefillAttention() {
        // 1e12 FLOPs, no bytes. Prefill: 1 sequence of 4096 tokens, 64 query / 8 KV heads → rows = 4096 × 8 = 32,768;
        // fraction 0.5 × 32,768/32,896; time = 2 µs + 1e12 ÷ (1e15 × 0.5 × 32,768/32,896) = 2 µs + 2 ms × 32,896/32,768.
        // Decode: 32 sequences × 1 token → rows = 1 × 8 = 8; fraction 0.5 × 8/136; time = 2 µs + 2 ms × 17 = 34.002 ms.
        Kernel prefill = attention(new AttentionShape(1, 4096, 4096.0 * 4097 / 2, 64, 8, 128));
        Kernel decode = attention(new AttentionShape(32, 32, 32 * 4096.0, 64, 8, 128));

        assertThat(roofline.kernelSeconds(prefill, HBM)).isCloseTo(2e-6 + 2e-3 * 32_896 / 32_768, within(1e-12));
        assertThat(roofline.kernelSeconds(decode, HBM)).isCloseTo(2e-6 + 34e-3, within(1e-12));
    }

    @Test
    void normIsMemoryBoundAtTheAchievableHbmBandwidth() {
        // RMSNorm over 1e8 bf16 elements: reads 2e8 bytes, writes 2e8 bytes, about 5 FLOPs per element.
        // Memory: 4e8 ÷ 2e12 = 200 µs; compute on vector units: 5e8 ÷ 1e14 = 5 µs. Time = 2 µs + 200 µs.
        Kernel norm = new Kernel("rmsnorm", KernelKind.NORM, 1, 5e8, Precision.BF16,
                new OperandBytes(0, 0, 2e8), new OperandBytes(0, 0, 2e8), new ElementwiseShape(100_000_000));

        assertThat(roofline.kernelSeconds(norm, HBM)).isCloseTo(202e-6, within(1e-12));
    }

    @Test
    void elementwiseArithmeticRunsOnTheVectorUnits() {
        // 1e9 FLOPs, no bytes, at vector.flopsPerSecond = 1e14 (not the 1e15 tensor peak): 10 µs + 2 µs launch.
        Kernel elementwise = new Kernel("silu", KernelKind.ELEMENTWISE, 1, 1e9, Precision.BF16, OperandBytes.NONE,
                OperandBytes.NONE, new ElementwiseShape(1));

        assertThat(roofline.kernelSeconds(elementwise, HBM)).isCloseTo(12e-6, within(1e-15));
    }

    @Test
    void hostResidentWeightsArePricedAtTheHostLinkBandwidth() {
        // Batch-1 decode GEMM with weights in host memory (250 GB/s × 0.8 = 200 GB/s):
        // weights 134,217,728 ÷ 200e9 = 671.08864 µs; activations 32,768 ÷ 2e12 = 0.016384 µs;
        // time = 2 µs + 671.08864 µs + 0.016384 µs = 673.105024 µs.
        Roofline withHost = GpuFixtures.chip("host-gpu", GpuFixtures.figuresWithHost()).roofline();
        Kernel decode = gemm(1, 8192, 8192, Precision.FP16);

        double seconds = withHost.kernelSeconds(decode, new Residency("host", "hbm", "hbm"));

        assertThat(seconds).isCloseTo(673.105024e-6, within(1e-12));
    }

    @Test
    void timeIsNeverBelowThePlainRooflineBound() {
        // Bound = count × max(FLOPs ÷ peak, bytes ÷ datasheet bandwidth 2.5e12).
        List<Kernel> kernels = List.of(gemm(1, 8192, 8192, Precision.FP16), gemm(4096, 8192, 8192, Precision.BF16),
                gemm(64, 1024, 28672, Precision.FP8).withCount(80),
                attention(new AttentionShape(8, 8, 8 * 2048.0, 32, 8, 128)));
        for (Kernel kernel : kernels) {
            double bound = kernel.count() * Math.max(kernel.flops() / roofline.peakFlopsPerSecond(kernel.precision()),
                    kernel.bytesMoved().total() / 2.5e12);
            assertThat(roofline.kernelSeconds(kernel, HBM)).as(kernel.toString()).isGreaterThanOrEqualTo(bound);
        }
    }

    @Test
    void timeIsNonDecreasingInFlopsAndBytes() {
        Kernel base = gemm(128, 4096, 4096, Precision.BF16);
        double previous = 0;
        for (double scale = 0; scale <= 4; scale += 0.25) {
            Kernel moreFlops = new Kernel("g", KernelKind.GEMM, 1, base.flops() * scale, Precision.BF16,
                    base.bytesRead(), base.bytesWritten(), base.shape());
            double seconds = roofline.kernelSeconds(moreFlops, HBM);
            assertThat(seconds).isGreaterThanOrEqualTo(previous);
            previous = seconds;
        }
        previous = 0;
        for (double scale = 0; scale <= 4; scale += 0.25) {
            Kernel moreBytes = new Kernel("g", KernelKind.GEMM, 1, base.flops(), Precision.BF16,
                    base.bytesRead().times(scale), base.bytesWritten().times(scale), base.shape());
            double seconds = roofline.kernelSeconds(moreBytes, HBM);
            assertThat(seconds).isGreaterThanOrEqualTo(previous);
            previous = seconds;
        }
    }

    @Test
    void unsupportedPrecisionThrowsNamingTheChipAndWhatItRuns() {
        // An A100-like chip has no fp8 tensor cores.
        Map<String, Double> figures = GpuFixtures.figures();
        figures.remove("peak.flopsPerSecond.fp8");
        figures.put("peak.flopsPerSecond.bf16", 312e12);
        figures.put("peak.flopsPerSecond.fp16", 312e12);
        Roofline a100 = GpuFixtures.chip("a100-like", figures).roofline();

        assertThatThrownBy(() -> a100.kernelSeconds(gemm(1, 8192, 8192, Precision.FP8), HBM))
                .isInstanceOf(UnsupportedPrecisionException.class)
                .hasMessage("a100-like cannot compute in fp8; it runs [bf16, fp16]: choose one of those with --precision");
        assertThatThrownBy(() -> a100.peakFlopsPerSecond(Precision.FP8))
                .isInstanceOf(UnsupportedPrecisionException.class);
    }

    @Test
    void computePrecisionsFollowTheWellKnownOrderWhateverTheSheetOrder() {
        Map<String, Double> figures = new java.util.LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.fp8", 2e15);
        figures.put("peak.flopsPerSecond.fp4", 4e15);
        figures.putAll(GpuFixtures.figures());
        Roofline roofline = GpuFixtures.chip("b200-like", figures).roofline();

        assertThat(roofline.computePrecisions())
                .containsExactly(Precision.BF16, Precision.FP16, Precision.FP8, Precision.NVFP4);
        assertThat(roofline.peakFlopsPerSecond(Precision.NVFP4)).isEqualTo(4e15);
    }

    @Test
    void residencyNamingATierTheChipLacksThrows() {
        assertThatThrownBy(() -> roofline.kernelSeconds(gemm(1, 8, 8, Precision.BF16), Residency.allIn("sram")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test-gpu has no memory tier 'sram'; its tiers are [hbm]: place operands in one of those");
    }

    @Test
    void stepTimeIsTheSumOfKernelsRunBackToBack() {
        // Decode GEMM 69.125248 µs + prefill GEMM 699.9321856 µs = 769.0574336 µs per stage; 2 stages → latency ×2.
        Accelerator chip = GpuFixtures.chip();
        Step step = new Step(Phase.DECODE, List.of(gemm(1, 8192, 8192, Precision.FP16),
                gemm(4096, 8192, 8192, Precision.FP16)), HBM, new ParallelLayout(1, 2, 1, 1), 40, 1);

        StepTiming timing = chip.roofline().stepTiming(step);

        assertThat(timing.intervalSeconds()).isCloseTo(769.0574336e-6, within(1e-12));
        assertThat(timing.latencySeconds()).isCloseTo(2 * 769.0574336e-6, within(1e-12));
    }

    private double achievedFlopsPerSecond(long m) {
        Kernel kernel = new Kernel("g", KernelKind.GEMM, 1, 2.0 * m * 8192 * 8192, Precision.BF16, OperandBytes.NONE,
                OperandBytes.NONE, new GemmShape(m, 8192, 8192));
        return kernel.flops() / (roofline.kernelSeconds(kernel, HBM) - 2e-6);
    }

    private static Kernel attention(AttentionShape shape) {
        return new Kernel("attention", KernelKind.ATTENTION, 1, 1e12, Precision.BF16, OperandBytes.NONE,
                OperandBytes.NONE, shape);
    }
}
