package org.splitinfer.core;

/**
 * A problem the user can fix (bad input, an unknown id, a conflicting plugin). Its message is one sentence that
 * names the input and the way out; the command-line tool prints it and exits with code 2.
 */
public class SplitInferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the problem and the fix
     */
    public SplitInferException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the problem and the fix
     * @param cause   the underlying failure
     */
    public SplitInferException(String message, Throwable cause) {
        super(message, cause);
    }
}
