package org.splitinfer.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.testing.PluginJars;
import org.splitinfer.core.testing.SheetChipProvider;

/**
 * The elasticity arithmetic on the sheet-modelled fixture chip (plain roofline {@code max(FLOPs ÷ 1e15,
 * bytes ÷ 3e12)} per kernel, no serving-stack profile), where the answers can be worked by hand.
 */
class SensitivityAnalysisTest {
    @TempDir
    Path temp;
    private SplitInfer splitInfer;

    @BeforeEach
    void plugin() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJars.write(plugins, SheetChipProvider.class, List.of("org/splitinfer/core/testing/sheet-chip.yaml"));
        splitInfer = SplitInfer.builder().searchPath(new PluginSearchPath(false, List.of(plugins)))
                .calibration(ServingCalibration.NONE).build();
    }

    private SensitivityReport tpot() {
        // one request in flight: the decode step runs at batch 1, where every kernel reads far more bytes than the
        // chip's ridge point (1e15 / 3e12 = 333 FLOPs a byte) lets it compute on: TPOT = bytes / 3e12
        return splitInfer.sensitivity(splitInfer.models().get("llama-3.1-8b"),
                PipelineSpec.split(PoolSpec.of("sheet-chip", 1), PoolSpec.of("sheet-chip", 1)),
                Workload.closedLoop(1000, 200, 1), null, SensitivityMetric.TPOT, 0.10);
    }

    private static Elasticity find(SensitivityReport report, String subject, String parameter) {
        return report.ranked().stream().filter(e -> e.subject().equals(subject) && e.parameter().equals(parameter))
                .findFirst().orElseThrow();
    }

    @Test
    void aMemoryBoundTpotHasElasticityMinusOneOnBandwidthAndZeroOnFlops() {
        SensitivityReport report = tpot();

        // TPOT ∝ 1 / B: m(1.1 B) / m = 1 / 1.1 = 0.909091, m(0.9 B) / m = 1 / 0.9 = 1.111111;
        // elasticity = (0.909091 − 1.111111) / (2 × 0.10) = −0.202020 / 0.2 = −1.010101
        Elasticity bandwidth = find(report, "sheet-chip", "hbm.bytesPerSecond");
        assertThat(bandwidth.baseValue()).isEqualTo(3e12);
        assertThat(bandwidth.lowValue()).isCloseTo(2.7e12, within(1.0));
        assertThat(bandwidth.highValue()).isCloseTo(3.3e12, within(1.0));
        assertThat(bandwidth.metricHigh().getAsDouble() / report.baseMetric()).isCloseTo(1 / 1.1, within(1e-9));
        assertThat(bandwidth.metricLow().getAsDouble() / report.baseMetric()).isCloseTo(1 / 0.9, within(1e-9));
        assertThat(bandwidth.elasticity().getAsDouble()).isCloseTo(-1.010101, within(1e-6));
        // ±10% of the peak leaves every kernel memory-bound: TPOT does not move
        assertThat(find(report, "sheet-chip", "peak.flopsPerSecond.bf16").elasticity().getAsDouble())
                .isCloseTo(0, within(1e-12));
        // price, power and cost assumptions do not touch a time
        assertThat(find(report, "sheet-chip", "price.purchaseUsd").elasticity().getAsDouble()).isZero();
        assertThat(find(report, "cost", "usdPerKilowattHour").elasticity().getAsDouble()).isZero();
        // ranked by magnitude: the bandwidth first
        assertThat(report.ranked().get(0)).isEqualTo(bandwidth);
        assertThat(report.metric()).isEqualTo(SensitivityMetric.TPOT);
    }

    @Test
    void everyFigureOfTheChipTheLinkAndTheCostIsListed() {
        SensitivityReport report = tpot();

        // the sheet's 7 figures, the link's bandwidth and latency, and the 3 cost assumptions: 12 rows; an 8B model's
        // 16 GB of bf16 weights fit 0.9 × 80 GB, so every side is feasible
        assertThat(report.ranked()).hasSize(12);
        assertThat(report.ranked()).allSatisfy(e -> assertThat(e.infeasible()).isFalse());
    }

    @Test
    void anInfeasibleSideLeavesAOneSidedDifferenceAndSaysWhy() {
        // 70B in bf16 is 141 GB: two 80 GB chips hold it (160 GB); at a step of 0.2 two 64 GB chips (128 GB) do not,
        // so the capacity's lower side is refused by the estimator while the higher side (2 × 96 GB) is estimated
        SensitivityReport report = splitInfer.sensitivity(splitInfer.models().get("llama-3.1-70b"),
                PipelineSpec.split(PoolSpec.of("sheet-chip", 2), PoolSpec.of("sheet-chip", 2)),
                Workload.closedLoop(1000, 200, 1), null, SensitivityMetric.TPOT, 0.20);

        Elasticity capacity = find(report, "sheet-chip", "hbm.capacityBytes");
        assertThat(capacity.infeasible()).isTrue();
        assertThat(capacity.metricLow()).isEmpty();
        assertThat(capacity.note()).startsWith("the lower value is infeasible: ").endsWith("a one-sided difference");
    }

    @Test
    void wholeNumberFiguresMoveToWholeNumbersAtLeastOneAway() {
        // 8 × 0.9 = 7.2 → 7, 8 × 1.1 = 8.8 → 9; 2 → 1 and 3 (±1 at least); 1 → stays 1 below, 2 above
        // a count (8 chips to a node) moves by whole numbers at least 1 apart
        assertThat(SensitivityAnalysis.values(8, 0.1, true)).containsExactly(7, 9);
        assertThat(SensitivityAnalysis.values(2, 0.1, true)).containsExactly(1, 3);
        assertThat(SensitivityAnalysis.values(1, 0.1, true)).containsExactly(1, 2);
        // a quantity that happens to be whole (4 years, a fraction of 1) moves by the step: 4 × (1 ∓ 0.1)
        assertThat(SensitivityAnalysis.values(4, 0.1, false)).containsExactly(3.6, 4.4);
        assertThat(SensitivityAnalysis.values(1, 0.1, false)).containsExactly(0.9, 1.1);
        assertThat(SensitivityAnalysis.values(0.5, 0.1, false)).containsExactly(0.45, 0.55000000000000004);
        assertThat(SensitivityAnalysis.isCount("node.chips")).isTrue();
        assertThat(SensitivityAnalysis.isCount("scaleUp.domainChips")).isTrue();
        assertThat(SensitivityAnalysis.isCount("tensix.cores")).isTrue();
        assertThat(SensitivityAnalysis.isCount("price.purchaseUsd")).isFalse();
        assertThat(SensitivityAnalysis.isCount("efficiency.gemmHalfTokens")).isFalse();
    }

    @Test
    void aStepOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> splitInfer.sensitivity(splitInfer.models().get("llama-3.1-8b"),
                PipelineSpec.split(PoolSpec.of("sheet-chip", 1), PoolSpec.of("sheet-chip", 1)),
                Workload.closedLoop(1000, 200, 1), null, SensitivityMetric.TPOT, 0.9))
                .isInstanceOf(SplitInferException.class).hasMessageContaining("(0, 0.5]");
    }

    @Test
    void metricsAreNamedAsTheEstimatesJsonNamesThem() {
        assertThat(SensitivityMetric.parse("usdPerMillionTokens")).isEqualTo(SensitivityMetric.USD_PER_MTOK);
        assertThat(SensitivityMetric.parse("usd-per-mtok")).isEqualTo(SensitivityMetric.USD_PER_MTOK);
        assertThat(SensitivityMetric.parse("tpot")).isEqualTo(SensitivityMetric.TPOT);
        assertThatThrownBy(() -> SensitivityMetric.parse("usdPerMillionToken"))
                .hasMessageStartingWith("unknown metric 'usdPerMillionToken'; did you mean 'usdPerMillionTokens'?");
    }
}
