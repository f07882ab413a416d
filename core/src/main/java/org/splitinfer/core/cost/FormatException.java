package org.splitinfer.core.cost;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A chip cannot run a model in the formats asked for, or in any format the default rule could choose. When a
 * plugin refused a kernel's format, its {@code UnsupportedPrecisionException} is the cause.
 *
 * @since 0.1
 */
public final class FormatException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the chip, the format and the way out
     * @param cause   the plugin's exception, or null
     * @param fields  field paths the message names
     */
    public FormatException(String message, Throwable cause, List<String> fields) {
        super(message, cause, fields);
    }
}
