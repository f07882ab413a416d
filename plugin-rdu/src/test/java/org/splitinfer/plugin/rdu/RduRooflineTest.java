package org.splitinfer.plugin.rdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

class RduRooflineTest {
    private static final double DEEPSEEK_R1_BF16_BYTES = 1.34e12;
    private final RduAccelerator socket = RduFixtures.socket();
    private final RduRoofline roofline = socket.roofline();

    @Test
    void kernelTimeIsTheRooflineMaximumWithoutLaunchOverhead() {
        // 638e12 FLOPs at 638e12 FLOP/s = 1 s; 0.8e12 bytes from HBM at 1.6e12 B/s = 0.5 s; max = 1 s, no launch term
        Kernel kernel = RduFixtures.gemm("mlp", 638e12, 0.8e12, Precision.BF16);

        assertThat(roofline.kernelSeconds(kernel, new Residency("hbm", "hbm", "sram"))).isCloseTo(1.0, within(1e-12));
        // the same bytes from DDR: 0.8e12 / 100e9 = 8 s
        assertThat(roofline.kernelSeconds(kernel, new Residency("ddr", "hbm", "sram"))).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void fusedStepIsTheMaximumOfTotalsPlusReconfigurationNotASumOfKernelMaxima() {
        // compute-bound: 638e12 FLOPs = 1 s, no bytes; memory-bound: 1.6e12 HBM bytes = 1 s, no FLOPs
        Kernel compute = RduFixtures.gemm("compute", 638e12, 0, Precision.BF16);
        Kernel memory = RduFixtures.gemm("memory", 0, 1.6e12, Precision.BF16);
        Residency residency = new Residency("hbm", "hbm", "sram");
        Step step = new Step(Phase.DECODE, List.of(compute, memory), residency, ParallelLayout.SINGLE, 1, 1);

        double sumOfKernelMaxima = roofline.kernelSeconds(compute, residency) + roofline.kernelSeconds(memory, residency);
        StepTiming timing = roofline.stepTiming(step);

        assertThat(sumOfKernelMaxima).isCloseTo(2.0, within(1e-12));
        // max(1 s of compute, 1 s of memory) + 20e-6 s reconfiguration
        assertThat(timing.latencySeconds()).isCloseTo(1.0 + 20e-6, within(1e-12));
        assertThat(timing.intervalSeconds()).isEqualTo(timing.latencySeconds());
    }

    @Test
    void pipelinedStepLatencyCountsEveryStageAndIntervalOne() {
        Kernel memory = RduFixtures.gemm("memory", 0, 1.6e12, Precision.BF16);
        Step step = new Step(Phase.DECODE, List.of(memory), new Residency("hbm", "hbm", "sram"),
                new ParallelLayout(1, 4, 1, 1), 1, 1);

        StepTiming timing = roofline.stepTiming(step);

        // stage = 1 s + 20e-6 s; 4 stages in sequence
        assertThat(timing.intervalSeconds()).isCloseTo(1.0 + 20e-6, within(1e-12));
        assertThat(timing.latencySeconds()).isCloseTo(4 * (1.0 + 20e-6), within(1e-12));
        // the reconfiguration is the chip's own latency, apart from the work: 20e-6 s a stage, 4 × 20e-6 in all
        assertThat(timing.hardwareIntervalSeconds()).isCloseTo(20e-6, within(1e-15));
        assertThat(timing.hardwareLatencySeconds()).isCloseTo(4 * 20e-6, within(1e-15));
    }

    @Test
    void decodeStepWithSpilledWeightsTakesAtLeastDdrBytesOverDdrBandwidth() {
        // DeepSeek-R1 BF16 on 16 sockets: 1.34e12 / 16 = 83.75e9 weight bytes per socket;
        // HBM usable 64e9 × 0.9 = 57.6e9, so 83.75e9 − 57.6e9 = 26.15e9 bytes spill to DDR
        Placement spill = socket.memory().alternatives(new Footprint(DEEPSEEK_R1_BF16_BYTES, 0, 0, 0), 16).get(0);
        double fraction = RduMemoryModel.ddrWeightFraction(spill);
        assertThat(fraction).isCloseTo(26.15e9 / 83.75e9, within(1e-12));

        // batch-1 decode reads every weight once: 83.75e9 bytes, 2 FLOPs per 2-byte parameter = 83.75e9 FLOPs
        Kernel decode = RduFixtures.gemm("decode", 83.75e9, 83.75e9, Precision.BF16);
        Step step = new Step(Phase.DECODE, List.of(decode), spill.residency(), ParallelLayout.SINGLE, 61, 1);

        StepTiming split = roofline.spilledStepTiming(step, fraction);
        double ddrBound = 26.15e9 / 100e9; // 0.2615 s

        // 57.6e9 / 1.6e12 + 26.15e9 / 100e9 + 61 layers × 20e-6 = 0.036 + 0.2615 + 0.00122 s
        assertThat(split.latencySeconds()).isGreaterThanOrEqualTo(ddrBound)
                .isCloseTo(0.036 + 0.2615 + 61 * 20e-6, within(1e-9));
        // through the SPI the residency names ddr for weights: every byte at DDR speed, an upper bound
        StepTiming upperBound = roofline.stepTiming(step);
        assertThat(upperBound.latencySeconds()).isCloseTo(83.75e9 / 100e9 + 61 * 20e-6, within(1e-9))
                .isGreaterThanOrEqualTo(split.latencySeconds());
    }

    @Test
    void spilledKernelWithNoSpillCostsTheSameAsHbm() {
        Kernel kernel = RduFixtures.gemm("k", 1e12, 1.6e12, Precision.BF16);
        Residency hbm = new Residency("hbm", "hbm", "sram");

        assertThat(roofline.spilledKernelSeconds(kernel, hbm, 0)).isCloseTo(roofline.kernelSeconds(kernel, hbm),
                within(1e-12));
        assertThat(roofline.spilledKernelSeconds(kernel, hbm, 1))
                .isCloseTo(roofline.kernelSeconds(kernel, new Residency("ddr", "hbm", "sram")), within(1e-12));
    }

    @Test
    void unsupportedPrecisionIsRefusedNamingWhatTheChipRuns() {
        Kernel fp8 = RduFixtures.gemm("fp8", 1, 1, Precision.FP8);

        assertThatThrownBy(() -> roofline.kernelSeconds(fp8, Residency.allIn("hbm")))
                .isInstanceOf(UnsupportedPrecisionException.class)
                .hasMessage("sambanova-sn40l cannot compute in fp8; it runs [bf16]: choose one of those with --precision");
        assertThat(roofline.computePrecisions()).containsExactly(Precision.BF16);
        assertThat(roofline.peakFlopsPerSecond(Precision.BF16)).isEqualTo(638e12);
    }

    @Test
    void residencyNamingAMissingTierIsRejected() {
        Kernel kernel = RduFixtures.gemm("k", 1, 0, Precision.BF16);

        assertThatThrownBy(() -> roofline.kernelSeconds(kernel, new Residency("hbm", "gddr", "sram")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no memory tier 'gddr'");
    }

    @Test
    void efficiencyFiguresSlowKernelsDown() {
        var figures = RduFixtures.figures();
        figures.put("efficiency.compute", 0.5);
        figures.put("efficiency.memory", 0.8);
        RduRoofline derated = RduFixtures.socket(figures).roofline();

        // 638e12 FLOPs at 638e12 × 0.5 = 2 s; 1.6e12 bytes at 1.6e12 × 0.8 = 1.25 s
        assertThat(derated.kernelSeconds(RduFixtures.gemm("c", 638e12, 0, Precision.BF16), Residency.allIn("hbm")))
                .isCloseTo(2.0, within(1e-12));
        assertThat(derated.kernelSeconds(RduFixtures.gemm("m", 0, 1.6e12, Precision.BF16), Residency.allIn("hbm")))
                .isCloseTo(1.25, within(1e-12));
    }
}
