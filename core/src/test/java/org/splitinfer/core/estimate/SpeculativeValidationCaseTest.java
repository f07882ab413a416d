package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.calibration.CalibrationResult;
import org.splitinfer.core.calibration.EstimatorCasePredictor;
import org.splitinfer.core.calibration.ServingCalibrationFit;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.validate.ChipCount;
import org.splitinfer.core.validate.Metric;
import org.splitinfer.core.validate.Prediction;
import org.splitinfer.core.validate.Speculation;
import org.splitinfer.core.validate.ValidationCase;

/** A published speed reached with speculative decoding is predicted with it, and never fitted as plain decoding. */
class SpeculativeValidationCaseTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final HardwareRegistry HARDWARE = new HardwareRegistry(
            List.of(new InstalledAccelerator(FakeChip.h100Like("gpu"), "test", "test")), List.of());

    private static ValidationCase perUser(Speculation speculative) {
        return new ValidationCase("spec", "a test", "llama-3.1-70b", null, "gpu", ChipCount.AUTO, null,
                ModelPrecision.BF16, null, new org.splitinfer.core.validate.Workload.SingleStream(1000, 500),
                Metric.OUTPUT_TOKENS_PER_SECOND_PER_USER, 100, null, speculative);
    }

    @Test
    void aSpeculativeCaseIsPredictedWithItsPublishedFiguresAndTheDefaultsForTheRest() {
        EstimatorCasePredictor predictor = new EstimatorCasePredictor(HARDWARE, CATALOG, ServingCalibration.NONE);
        Speculation published = new Speculation("llama-3.1-8b", OptionalInt.empty(), OptionalDouble.of(0.8));

        Prediction prediction = predictor.predict(perUser(published));

        // the same deployment estimated directly: an auto pool of the case's formats, the 8B draft, the default 4
        // tokens per step, the published 0.8
        Estimate direct = new Estimator(HARDWARE, LinkCatalog.builtIn(), CostAssumptions.DEFAULT,
                ServingCalibration.NONE).estimate(CATALOG.get("llama-3.1-70b"), new PipelineSpec.Colocated(
                PoolSpec.auto("gpu").withPrecision("weights=bf16,activations=bf16,kv=bf16").withSpeculative(
                        new SpeculativeDecoding(new SpeculativeDecoding.DraftModel(CATALOG.get("llama-3.1-8b")), 4,
                                0.8))), Workload.closedLoop(1000, 500, 1), null);
        assertThat(prediction.value()).isCloseTo(direct.outputTokensPerSecondPerUser(), within(1e-9));
        assertThat(prediction.layout()).endsWith(" speculative");
        // (1 − 0.8^5) ÷ 0.2 = 3.3616
        assertThat(prediction.notes()).containsExactly("speculative decoding: draft llama-3.1-8b, 4 tokens per step,"
                + " acceptance 0.800, 3.36 tokens per step");
        assertThat(prediction.value()).isGreaterThan(predictor.predict(perUser(null)).value());
    }

    @Test
    void theFitLeavesASpeculativeCaseOutAndSaysWhy() {
        CalibrationResult result = new ServingCalibrationFit(HARDWARE, CATALOG).fitWithReport(List.of(
                perUser(new Speculation(null, OptionalInt.empty(), OptionalDouble.empty()))));

        assertThat(result.cases()).isZero();
        assertThat(result.parameters()).isEmpty();
        assertThat(result.skipped()).containsExactly(
                "spec: measured with speculative decoding; predicted with it, never fitted");
    }
}
