package org.splitinfer.core.validate;

import java.util.Objects;

/**
 * What became of one case in a validation run: predicted, or listed with the problem that kept it from being
 * predicted.
 *
 * @since 0.1
 */
public sealed interface CaseOutcome {

    /** @return the case */
    ValidationCase validationCase();

    /**
     * A predicted case and its errors.
     *
     * @param validationCase the case
     * @param prediction     the prediction; its value positive and finite
     * @param family         the family of the case's hardware ({@code gpu}, {@code lpu}, ...), or {@code unknown}
     */
    record Predicted(ValidationCase validationCase, Prediction prediction, String family) implements CaseOutcome {
        /** Validates the fields. */
        public Predicted {
            Objects.requireNonNull(validationCase, "validationCase");
            Objects.requireNonNull(prediction, "prediction");
            Objects.requireNonNull(family, "family");
            if (!(prediction.value() > 0 && Double.isFinite(prediction.value()))) {
                throw new IllegalArgumentException("prediction must be positive and finite, got "
                        + prediction.value());
            }
        }

        /** @return the predicted value, in the metric's unit */
        public double predicted() {
            return prediction.value();
        }

        /** @return the measured value, in the metric's unit */
        public double measured() {
            return validationCase.value();
        }

        /** @return |predicted − measured| / measured, a fraction */
        public double relativeError() {
            return Math.abs(predicted() - measured()) / measured();
        }

        /** @return |ln(predicted / measured)|: symmetric in over- and underprediction, unlike the relative error */
        public double logError() {
            return Math.abs(Math.log(predicted() / measured()));
        }
    }

    /**
     * A case that could not be predicted.
     *
     * @param validationCase the case
     * @param problem        one sentence: why, and what would fix it
     */
    record Unpredicted(ValidationCase validationCase, String problem) implements CaseOutcome {
        /** Validates the fields. */
        public Unpredicted {
            Objects.requireNonNull(validationCase, "validationCase");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
