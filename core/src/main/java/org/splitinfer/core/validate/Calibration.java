package org.splitinfer.core.validate;

import java.util.List;

/**
 * Something fitted to validation cases (efficiency factors, say) and the predictor those fitted values give.
 * {@link LeaveOneOut} uses both to predict each case without having fitted on it.
 *
 * @param <P> the fitted parameters, an immutable value
 * @since 0.1
 */
public interface Calibration<P> {

    /**
     * Fits the parameters to cases. It must use only the cases given.
     *
     * @param cases cases to fit on; their metrics are valid with their scenarios
     * @return the fitted parameters
     * @throws org.splitinfer.core.error.SplitInferException when these cases cannot be fitted (too few of a kind, say);
     *                                                 in leave-one-out the held-out case becomes a problem
     */
    P fit(List<ValidationCase> cases);

    /**
     * @param parameters fitted parameters
     * @return the predictor they give
     */
    CasePredictor predictorWith(P parameters);

    /**
     * Whether {@link #fit} and {@link #predictorWith} may run on several threads at once (no state shared between
     * fits), so that {@link LeaveOneOut} runs its fits in parallel; the report is the same either way.
     *
     * @return false unless the implementation says so
     * @since 0.2
     */
    default boolean fitsConcurrently() {
        return false;
    }
}
