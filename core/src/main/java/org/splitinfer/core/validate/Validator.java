package org.splitinfer.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Predicts cases and collects a {@link ValidationReport}. A case becomes a problem, and the others still run,
 * when its metric is not valid with its scenario, when the predictor refuses it (a
 * {@link SplitInferException}: unknown model or hardware, a layout that does not fit; or a chip that cannot run
 * the precision), or when the predictor returns a value that is not positive and finite.
 *
 * @since 0.1
 */
public final class Validator {
    /** The family name of hardware the family function does not know. */
    public static final String UNKNOWN_FAMILY = "unknown";

    private Validator() {
    }

    /**
     * Predicts every case.
     *
     * @param cases            the cases, in the order to report them
     * @param predictor        the predictor
     * @param familyOfHardware the family name of an accelerator id ({@code h100-sxm} → {@code gpu}), or null when
     *                         it does not know the id
     * @return the report
     */
    public static ValidationReport validate(List<ValidationCase> cases, CasePredictor predictor,
                                            Function<String, String> familyOfHardware) {
        List<CaseOutcome> outcomes = new ArrayList<>(cases.size());
        for (ValidationCase validationCase : cases) {
            outcomes.add(predict(validationCase, predictor, familyOfHardware));
        }
        return new ValidationReport(outcomes);
    }

    /**
     * Predicts one case.
     *
     * @param validationCase   the case
     * @param predictor        the predictor
     * @param familyOfHardware the family name of an accelerator id, or null when it does not know the id
     * @return the case predicted, or with its problem
     */
    public static CaseOutcome predict(ValidationCase validationCase, CasePredictor predictor,
                                      Function<String, String> familyOfHardware) {
        if (validationCase.metricProblem().isPresent()) {
            return new CaseOutcome.Unpredicted(validationCase, validationCase.metricProblem().get());
        }
        Prediction prediction;
        try {
            prediction = Objects.requireNonNull(predictor.predict(validationCase), "prediction");
        } catch (SplitInferException | HardwareDataException | UnsupportedPrecisionException e) {
            return new CaseOutcome.Unpredicted(validationCase, sentence(e.getMessage()));
        }
        double value = prediction.value();
        if (!(value > 0 && Double.isFinite(value))) {
            return new CaseOutcome.Unpredicted(validationCase, String.format(Locale.ROOT,
                    "the predictor returned %s for metric '%s', not a positive finite number (a fault of the"
                            + " predictor; please report it)", value, validationCase.metric().key()));
        }
        String family = familyOfHardware.apply(validationCase.hardware());
        return new CaseOutcome.Predicted(validationCase, prediction, family == null ? UNKNOWN_FAMILY : family);
    }

    /**
     * Cases whose metric is valid with their scenario: those a calibration may fit on.
     *
     * @param cases cases
     * @return the predictable ones, in order
     */
    public static List<ValidationCase> fittable(List<ValidationCase> cases) {
        List<ValidationCase> fittable = new ArrayList<>();
        for (ValidationCase validationCase : cases) {
            if (validationCase.metricProblem().isEmpty()) {
                fittable.add(validationCase);
            }
        }
        return fittable;
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
