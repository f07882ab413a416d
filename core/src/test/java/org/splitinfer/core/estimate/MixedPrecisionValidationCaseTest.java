package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.calibration.EstimatorCasePredictor;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.TensorGroup;
import org.splitinfer.core.validate.ChipCount;
import org.splitinfer.core.validate.Metric;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.spi.Precision;

/**
 * A request-level case (single stream, fixed concurrency, offline) keeps its tensor-group weight formats: a
 * deployment stored as tt_transformers' performance mode is priced at the bytes it streams.
 */
class MixedPrecisionValidationCaseTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final HardwareRegistry HARDWARE = new HardwareRegistry(
            List.of(new InstalledAccelerator(FakeChip.h100Like("gpu"), "test", "test")), List.of());

    private static ValidationCase perUser(ModelPrecision precision) {
        return new ValidationCase("mixed", "a test", "llama-3.1-70b", null, "gpu", ChipCount.AUTO, null,
                precision, null, new org.splitinfer.core.validate.Workload.SingleStream(1000, 500),
                Metric.OUTPUT_TOKENS_PER_SECOND_PER_USER, 100, null, null);
    }

    @Test
    void aSingleStreamCaseIsPricedWithItsTensorGroupOverrides() {
        ModelPrecision fp8Mlp = ModelPrecision.BF16.withOverride(TensorGroup.DENSE_MLP, Precision.FP8);
        EstimatorCasePredictor predictor = new EstimatorCasePredictor(HARDWARE, CATALOG, ServingCalibration.NONE);

        double predicted = predictor.predict(perUser(fp8Mlp)).value();

        Estimate direct = new Estimator(HARDWARE, LinkCatalog.builtIn(), CostAssumptions.DEFAULT,
                ServingCalibration.NONE).estimate(CATALOG.get("llama-3.1-70b"), new PipelineSpec.Colocated(
                PoolSpec.auto("gpu").withPrecision("weights=bf16,activations=bf16,kv=bf16,dense_mlp=fp8")),
                Workload.closedLoop(1000, 500, 1), null);
        assertThat(predicted).isCloseTo(direct.outputTokensPerSecondPerUser(), within(1e-9));
        // the estimate holds the mixed bytes: embedding 1.0507e9 + attention 12.080e9 + norms 1.319e6 + LM head
        // 1.0507e9 parameters at 2 B = 28.363e9 B, the MLP's 37.581e9 + 18.790e9 (the down projection takes its
        // block's FP8) at 1 B = 56.371e9 B; 84.735e9 B in all, where all-BF16 is 141.47e9 B
        Assumption.AutoChips auto = direct.assumptions().stream().filter(Assumption.AutoChips.class::isInstance)
                .map(Assumption.AutoChips.class::cast).findFirst().orElseThrow();
        assertThat(auto.weightBytes()).isCloseTo(84.735e9, within(0.001e9));
        // fewer bytes per decode step: faster than the same case in uniform BF16
        assertThat(predicted).isGreaterThan(predictor.predict(perUser(ModelPrecision.BF16)).value());
    }
}
