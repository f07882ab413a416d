package org.splitinfer.core.estimate;

import org.splitinfer.core.error.SplitInferException;

/** A pipeline or workload that cannot be estimated as given (does not fit, bad layout, unknown link). */
public final class EstimateException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the input and the way out
     */
    public EstimateException(String message) {
        super(message);
    }
}
