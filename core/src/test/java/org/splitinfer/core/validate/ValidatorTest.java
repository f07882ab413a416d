package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.SplitInferException;

class ValidatorTest {

    private static final Function<String, String> FAMILIES =
            Map.of("h100-sxm", "gpu", "a100-sxm-80gb", "gpu", "groq-lpu-v1", "lpu")::get;

    /** Predicts a value chosen per case id; refuses ids it has no value for. */
    private static final class TablePredictor implements CasePredictor {
        private final Map<String, Double> values;

        TablePredictor(Map<String, Double> values) {
            this.values = values;
        }

        @Override
        public Prediction predict(ValidationCase c) {
            Double value = values.get(c.id());
            if (value == null) {
                throw new SplitInferException("unknown model '" + c.model() + "'; did you mean 'llama-2-70b'?");
            }
            return Prediction.of(value, "tp=8 pp=1 dp=1");
        }
    }

    @Test
    void reportsEachCasesErrorsAndTheMedianAndP90() {
        // measured 1 s each; predicted 1.1, 0.8, 1.4, 1.8 → relative errors 0.1, 0.2, 0.4, 0.8
        List<ValidationCase> cases = List.of(Cases.prefill("a", "h100-sxm", 1), Cases.prefill("b", "h100-sxm", 1),
                Cases.prefill("c", "a100-sxm-80gb", 1), Cases.prefill("d", "groq-lpu-v1", 1));
        ValidationReport report = Validator.validate(cases,
                new TablePredictor(Map.of("a", 1.1, "b", 0.8, "c", 1.4, "d", 1.8)), FAMILIES);

        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::relativeError)
                .usingElementComparator(new DoubleComparator(1e-12)).containsExactly(0.1, 0.2, 0.4, 0.8);
        assertThat(report.medianError()).hasValueCloseTo(0.3, within(1e-12));
        assertThat(report.p90Error()).hasValueCloseTo(0.68, within(1e-12));
        assertThat(report.complete()).isTrue();
        assertThat(report.predicted().get(0).prediction().layout()).isEqualTo("tp=8 pp=1 dp=1");
    }

    @Test
    void logErrorIsSymmetricInOverAndUnderPrediction() {
        ValidationReport report = Validator.validate(List.of(Cases.prefill("a", "h100-sxm", 2),
                Cases.prefill("b", "h100-sxm", 2)), new TablePredictor(Map.of("a", 4.0, "b", 1.0)), FAMILIES);

        // |ln(4/2)| = |ln(1/2)| = ln 2; relative errors 1.0 and 0.5
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::logError)
                .containsExactly(Math.log(2), Math.log(2));
        assertThat(report.predicted()).extracting(CaseOutcome.Predicted::relativeError).containsExactly(1.0, 0.5);
        assertThat(report.medianLogError()).hasValueCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void medianPerFamilyGroupsCasesByTheirHardwaresFamily() {
        List<ValidationCase> cases = List.of(Cases.prefill("a", "h100-sxm", 1), Cases.prefill("b", "a100-sxm-80gb", 1),
                Cases.prefill("c", "groq-lpu-v1", 1), Cases.prefill("d", "mystery-chip", 1));
        ValidationReport report = Validator.validate(cases,
                new TablePredictor(Map.of("a", 1.1, "b", 1.3, "c", 2.0, "d", 1.5)), FAMILIES);

        // gpu: errors 0.1 and 0.3 → median 0.2; lpu: 1.0; an id the function does not know: "unknown"
        assertThat(report.familyErrors()).containsOnlyKeys("gpu", "lpu", "unknown");
        assertThat(report.familyErrors().get("gpu").cases()).isEqualTo(2);
        assertThat(report.familyErrors().get("gpu").medianError()).isCloseTo(0.2, within(1e-12));
        assertThat(report.familyErrors().get("lpu").medianError()).isCloseTo(1.0, within(1e-12));
        assertThat(report.familyErrors().get("unknown").medianError()).isCloseTo(0.5, within(1e-12));
        assertThat(report.familyErrors().keySet()).containsExactly("gpu", "lpu", "unknown");
    }

    @Test
    void anInvalidScenarioAndMetricPairIsAProblemAndTheOtherCasesStillRun() {
        List<ValidationCase> cases = List.of(Cases.offlineInSeconds("wrong"), Cases.prefill("a", "h100-sxm", 1));
        ValidationReport report = Validator.validate(cases, new TablePredictor(Map.of("wrong", 1.0, "a", 1.5)),
                FAMILIES);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.validationCase().id()).isEqualTo("wrong");
            assertThat(p.problem()).isEqualTo("metric 'seconds' is not measured in scenario 'offline'; use one of"
                    + " outputTokensPerSecond, tokensPerJoule");
        });
        assertThat(report.problemCount()).isEqualTo(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.medianError()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(report.outcomes()).extracting(o -> o.validationCase().id()).containsExactly("wrong", "a");
    }

    @Test
    void aCaseThePredictorRefusesIsAProblemWithItsMessage() {
        ValidationReport report = Validator.validate(List.of(Cases.prefill("a", "h100-sxm", 1),
                Cases.prefill("b", "h100-sxm", 1)), new TablePredictor(Map.of("a", 1.2)), FAMILIES);

        assertThat(report.problems()).singleElement().extracting(CaseOutcome.Unpredicted::problem)
                .isEqualTo("unknown model 'llama-2-70b'; did you mean 'llama-2-70b'?");
        assertThat(report.predicted()).hasSize(1);
    }

    @Test
    void aPredictionThatIsNotPositiveAndFiniteIsAProblem() {
        ValidationReport report = Validator.validate(List.of(Cases.prefill("a", "h100-sxm", 1)),
                c -> Prediction.of(Double.NaN, ""), FAMILIES);

        assertThat(report.problems()).singleElement().extracting(CaseOutcome.Unpredicted::problem)
                .isEqualTo("the predictor returned NaN for metric 'seconds', not a positive finite number (a fault"
                        + " of the predictor; please report it)");
    }

    @Test
    void aReportWithNoPredictedCaseHasNoStatistics() {
        ValidationReport report = Validator.validate(List.of(Cases.offlineInSeconds("x")),
                c -> Prediction.of(1, ""), FAMILIES);

        assertThat(report.medianError()).isEmpty();
        assertThat(report.p90Error()).isEmpty();
        assertThat(report.familyErrors()).isEmpty();
    }
}
