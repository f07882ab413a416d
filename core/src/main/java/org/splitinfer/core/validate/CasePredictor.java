package org.splitinfer.core.validate;

/**
 * Predicts the measured value of a validation case: the estimator behind it decides how each scenario and metric
 * maps onto its model. Implementations are pure functions of the case and thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CasePredictor {

    /**
     * Predicts a case. It is called only for cases whose metric is valid with their scenario.
     *
     * @param validationCase the case
     * @return the prediction, in the unit of the case's metric
     * @throws org.splitinfer.core.error.SplitInferException when the case cannot be predicted here (an unknown model or
     *                                                 hardware id, a layout that does not fit); the report lists the
     *                                                 case with the exception's message as its problem
     */
    Prediction predict(ValidationCase validationCase);
}
