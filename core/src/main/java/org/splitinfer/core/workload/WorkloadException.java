package org.splitinfer.core.workload;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A workload that cannot be used as given: a trace file that cannot be read, a bad row (named by file and line), an
 * unknown built-in name, a rate or a length that is not positive.
 *
 * @since 0.1
 */
public final class WorkloadException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the input and the way out
     */
    public WorkloadException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the input and the way out
     * @param cause   the underlying failure (an {@link java.io.IOException} reading a trace)
     * @since 0.1
     */
    public WorkloadException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message one sentence naming the fields and the way out
     * @param fields  the field paths the message names
     */
    public WorkloadException(String message, List<String> fields) {
        super(message, null, fields);
    }
}
