package org.splitinfer.core.fit;

import java.util.List;

import org.splitinfer.core.error.SplitInferException;

/**
 * A fit the user asked for that cannot be answered: a model that no chip count holds, a chip count or context
 * below one. The message is one sentence naming the input and the way out; the command-line tool exits 2.
 *
 * @since 0.1
 */
public class FitException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence for the user
     */
    public FitException(String message) {
        super(message);
    }

    /**
     * @param message one sentence for the user, naming the fields by their paths
     * @param fields  the field paths the message names
     */
    public FitException(String message, List<String> fields) {
        super(message, null, fields);
    }
}
