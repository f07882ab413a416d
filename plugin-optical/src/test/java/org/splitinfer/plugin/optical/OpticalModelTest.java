package org.splitinfer.plugin.optical;

import java.util.List;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.UnsupportedPrecisionException;

class OpticalModelTest {
    private static final Residency WEIGHTS_IN_HBM = new Residency("hbm", "hbm", "sram");
    private final OpticalAccelerator lumai = OpticalFixtures.chip(OpticalFixtures.lumaiLike());

    /** A prefill projection over 131,072 tokens: m = 131,072, n = k = 8,192, int8 weights and activations. */
    private static Kernel prefillProjection() {
        long m = 131_072;
        long n = 8_192;
        long k = 8_192;
        return new Kernel("o_proj", KernelKind.GEMM, 1, 2.0 * m * n * k, Precision.INT8,
                new OperandBytes(n * k, 0, m * k), new OperandBytes(0, 0, m * n), new GemmShape(m, n, k));
    }

    @Test
    void gemmTimeIsTheRooflineMaximumPlusOneConversionPipelineFill() {
        // FLOPs 2 × 131,072 × 8,192 × 8,192 = 1.7592186e13 at 1e18 = 1.7592186e-5 s (compute-bound:
        // memory is 67,108,864 / 8e12 + 2,147,483,648 / 1e16 = 8.389e-6 + 2.147e-7 s);
        // 131,072 × ceil(8,192 / 1,024) = 1,048,576 vectors stream through the pipelined converters at the peak's
        // rate, so only one pass latency (1e-12 s) is added
        assertThat(lumai.roofline().conversionVectors(prefillProjection())).isEqualTo(1_048_576);
        assertThat(lumai.roofline().kernelSeconds(prefillProjection(), WEIGHTS_IN_HBM))
                .isCloseTo(1.7592186044416e-5 + 1e-12, within(1e-15));
    }

    @Test
    void prefillEnergyPerTokenIncludesConversionAndMemoryAndBeatsAnH100ByNoMoreThanItsFiguresImply() {
        Kernel kernel = prefillProjection();
        double tokens = 131_072;
        double flops = kernel.totalFlops();

        double joules = lumai.kernelJoules(kernel, WEIGHTS_IN_HBM);

        // compute 1.7592186e13 × (1e4 W ÷ 1e18 OPS) = 0.17592186 J; conversion 1,048,576 × 1e-9 = 1.048576e-3 J;
        // memory 67,108,864 × 30e-12 + 2,147,483,648 × 1e-12 = 2.0132659e-3 + 2.1474836e-3 J
        double compute = flops * 1e-14;
        assertThat(lumai.conversionJoules(kernel)).isCloseTo(1.048576e-3, within(1e-15));
        assertThat(joules).isCloseTo(compute + 1.048576e-3 + 2.01326592e-3 + 2.147483648e-3, within(1e-12))
                .isGreaterThan(compute + lumai.conversionJoules(kernel));

        // H100-like fixture: 989e12 FLOP/s BF16 at 700 W = 1.4129e12 FLOP/J
        double h100JoulesPerToken = flops / (989e12 / 700) / tokens;
        double opticalJoulesPerToken = joules / tokens;
        double impliedRatio = 1e14 / (989e12 / 700); // 100 TOPS/W against 1.4129e12 FLOP/J = 70.78
        assertThat(opticalJoulesPerToken).isLessThan(h100JoulesPerToken);
        assertThat(h100JoulesPerToken / opticalJoulesPerToken).isLessThanOrEqualTo(impliedRatio);
    }

    @Test
    void onlyTheLowPrecisionFormatsOfTheOpticalCoreRun() {
        Kernel bf16 = new Kernel("x", KernelKind.GEMM, 1, 1, Precision.BF16, OperandBytes.NONE, OperandBytes.NONE,
                new GemmShape(1, 1, 1));

        assertThat(lumai.roofline().computePrecisions()).containsExactly(Precision.INT8, Precision.INT4);
        assertThatThrownBy(() -> lumai.roofline().kernelSeconds(bf16, WEIGHTS_IN_HBM))
                .isInstanceOf(UnsupportedPrecisionException.class)
                .hasMessage("lumai-tetra-2029 cannot compute in bf16; it runs [int8, int4]: "
                        + "choose one of those with --precision");
        assertThatThrownBy(() -> lumai.kernelJoules(bf16, WEIGHTS_IN_HBM))
                .isInstanceOf(UnsupportedPrecisionException.class);
    }

    @Test
    void attentionConvertsQueriesAndScoreRowsAndElementwiseWorkConvertsNothing() {
        // 8 heads × (1,024 queries × ceil(128 / 1,024) + ceil(524,800 / 1,024)) = 8 × (1,024 + 513) = 12,296
        Kernel attention = new Kernel("attn", KernelKind.ATTENTION, 1, 1e9, Precision.INT8, OperandBytes.NONE,
                OperandBytes.NONE, new AttentionShape(1, 1_024, 1_024 * 1_025 / 2.0, 8, 1, 128));
        Kernel norm = new Kernel("norm", KernelKind.NORM, 1, 1e6, Precision.INT8, OperandBytes.NONE,
                OperandBytes.NONE, new ElementwiseShape(1_000_000));

        assertThat(lumai.roofline().conversionVectors(attention)).isEqualTo(12_296);
        assertThat(lumai.roofline().conversionVectors(norm)).isZero();
        assertThat(lumai.conversionJoules(norm)).isZero();
    }

    @Test
    void loadingWeightsIntoFewOpticalUnitsBindsADecodeGemm() {
        // decode GEMM 1 × 8,192 × 8,192 int8: weights 67,108,864 / 8e12 (HBM) + activations 16,384 / 1e16 (SRAM)
        // = 8.39e-6 s, compute negligible;
        // weight tiles ceil(8,192 / 1,024) × ceil(8,192 / 1,024) = 64
        Kernel decode = new Kernel("o_proj", KernelKind.GEMM, 1, 2.0 * 8192 * 8192, Precision.INT8,
                new OperandBytes(8192.0 * 8192, 0, 8192), new OperandBytes(0, 0, 8192), new GemmShape(1, 8192, 8192));
        Map<String, Double> oneUnit = OpticalFixtures.lumaiLike();
        oneUnit.put("opticalMatrix.count", 1.0);

        // 64 units load the 64 tiles in parallel: 1e-6 s, under the memory time, which binds
        assertThat(lumai.roofline().kernelSeconds(decode, WEIGHTS_IN_HBM))
                .isCloseTo(8192.0 * 8192 / 8e12 + 2 * 8192 / 1e16 + 1e-12, within(1e-15));
        // one unit loads them in turn: 64 × 1e-6 = 6.4e-5 s, which binds
        assertThat(OpticalFixtures.chip(oneUnit).roofline().kernelSeconds(decode, WEIGHTS_IN_HBM))
                .isCloseTo(64e-6 + 1e-12, within(1e-15));
    }

    @Test
    void theLoadsExcessOverTheMemoryBoundAndTheConverterFillAreTheChipsOwnLatency() {
        // the one-unit decode GEMM above: memory bound m = 67,108,864 / 8e12 + 2 × 8,192 / 1e16 = 8.388608e-6 +
        // 1.6384e-12 s; the load 6.4e-5 s exceeds it by 6.4e-5 − m; with the 1e-12 s fill, that is the step's
        // hardware part, which a serving stack's efficiency must not stretch
        Kernel decode = new Kernel("o_proj", KernelKind.GEMM, 1, 2.0 * 8192 * 8192, Precision.INT8,
                new OperandBytes(8192.0 * 8192, 0, 8192), new OperandBytes(0, 0, 8192), new GemmShape(1, 8192, 8192));
        Map<String, Double> oneUnit = OpticalFixtures.lumaiLike();
        oneUnit.put("opticalMatrix.count", 1.0);
        Step step = new Step(Phase.DECODE, List.of(decode), WEIGHTS_IN_HBM, new ParallelLayout(1, 2, 1, 1), 1, 1);

        StepTiming timing = OpticalFixtures.chip(oneUnit).roofline().stepTiming(step);

        double memory = 8192.0 * 8192 / 8e12 + 2 * 8192 / 1e16;
        assertThat(timing.hardwareIntervalSeconds()).isCloseTo(64e-6 - memory + 1e-12, within(1e-15));
        assertThat(timing.intervalSeconds()).isCloseTo(64e-6 + 1e-12, within(1e-15));
        // two pipeline stages in sequence
        assertThat(timing.hardwareLatencySeconds()).isCloseTo(2 * (64e-6 - memory + 1e-12), within(1e-15));
        assertThat(timing.workIntervalSeconds()).isCloseTo(memory, within(1e-15));
    }

    @Test
    void weightsStreamFromTheElectronicMemoryAtItsBandwidth() {
        // decode: 1 token, 8e9 weight bytes from HBM at 8e12 B/s = 1e-3 s, far above 2 × 4e9 FLOPs at 1e18;
        // the 8 vectors (1 × ceil(8,192 / 1,024)) are pipelined: one pass latency of 1e-12 s is added
        Kernel decode = new Kernel("decode", KernelKind.GEMM, 1, 8e9 * 2, Precision.INT8,
                new OperandBytes(8e9, 0, 0), OperandBytes.NONE, new GemmShape(1, 976_563, 8_192));

        assertThat(lumai.roofline().kernelSeconds(decode, WEIGHTS_IN_HBM)).isCloseTo(1e-3 + 1e-12, within(1e-15));
    }

    @Test
    void weightsAndKvLiveInTheLargestFullSpeedTierAndActivationsInSram() {
        // tiers fastest first: sram (1e16 B/s), hbm (8e12 B/s); usable HBM 288e9 × 0.9 = 259.2e9
        assertThat(lumai.memory().tiers()).extracting(t -> t.name()).containsExactly("sram", "hbm");
        Placement placement = lumai.memory().place(new Footprint(200e9, 1e6, 0, 100e6), 1);

        assertThat(placement.fitsFullSpeed()).isTrue();
        assertThat(placement.residency()).isEqualTo(new Residency("hbm", "hbm", "sram"));
        // activations are charged to HBM too: (259.2e9 − 200e9 − 100e6) / 1e6 = 59,100 tokens
        assertThat(placement.kvTokensCapacityPerChip()).isEqualTo(59_100);
        assertThat(placement.perChip()).extracting(u -> u.tier()).containsExactly("hbm");
        assertThat(lumai.memory().place(new Footprint(300e9, 0, 0, 0), 1).fitsFullSpeed()).isFalse();
    }

    @Test
    void anSramOnlyPartKeepsEverythingInSram() {
        Map<String, Double> envise = OpticalFixtures.lumaiLike();
        envise.keySet().removeIf(name -> name.startsWith("hbm."));
        envise.put("sram.capacityBytes", 500e6);
        envise.put("sram.usableFraction", 0.9);
        OpticalAccelerator chip = OpticalFixtures.chip(envise);

        // 450e6 usable bytes: a 400e6-byte shard fits, 500e6 does not
        assertThat(chip.memory().mainTier().name()).isEqualTo("sram");
        assertThat(chip.memory().place(new Footprint(4e9, 0, 0, 0), 10).fitsFullSpeed()).isTrue();
        assertThat(chip.memory().place(new Footprint(5e9, 0, 0, 0), 10).fitsFullSpeed()).isFalse();
        assertThat(chip.memory().place(new Footprint(4e9, 0, 0, 0), 10).residency()).isEqualTo(Residency.allIn("sram"));
    }

    @Test
    void powerPeakIsThePublishedPower() {
        assertThat(lumai.power().peakWatts()).isEqualTo(1e4);
        assertThat(lumai.power().watts(0.5)).isEqualTo(2.5e3 + (1e4 - 2.5e3) * 0.5);
    }
}
