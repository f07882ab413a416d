package org.splitinfer.core.cost;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * No layout a serving stack would run fits the chips or the degrees asked for: a tensor-parallel degree that does
 * not divide the model's attention heads, a chip count no {@code tensor × pipeline} split reaches, more stages than
 * layers. The message names the fields and the nearest counts that run.
 *
 * @since 0.1
 */
public final class LayoutException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the fields and the way out
     * @param fields  the field paths the message names
     */
    public LayoutException(String message, List<String> fields) {
        super(message, null, fields);
    }
}
