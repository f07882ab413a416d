package org.splitinfer.core.estimate;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A pipeline or workload that cannot be estimated as given (does not fit, bad count, unknown link). The message
 * names the input's fields by path ({@code decode.chips}, {@code workload.concurrency}), listed in
 * {@link #fields()}.
 *
 * @since 0.1
 */
public final class EstimateException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the input and the way out
     */
    public EstimateException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the fields and the way out
     * @param fields  the field paths the message names
     */
    public EstimateException(String message, List<String> fields) {
        super(message, null, fields);
    }
}
