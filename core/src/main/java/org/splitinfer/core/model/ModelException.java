package org.splitinfer.core.model;

import org.splitinfer.core.error.SplitInferException;

/**
 * A problem with a model, its configuration or its precision that the user caused and can fix. The message
 * is one sentence naming the input, the value and what was expected; a command-line tool prints it and
 * exits with status 2.
 *
 * @since 0.1
 */
public class ModelException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence for the user
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * @param message one sentence for the user
     * @param cause   the underlying failure, for logs
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
