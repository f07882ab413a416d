package org.splitinfer.core.sweep;

import org.splitinfer.core.error.SplitInferException;

/**
 * A grid file, or a sweep's output file, that cannot be used as given: the message names the file, the key or row,
 * and the way out.
 *
 * @since 0.1
 */
public final class SweepException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the problem and the way out
     */
    public SweepException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the problem and the way out
     * @param cause   the refusal it rests on
     * @since 0.2
     */
    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
