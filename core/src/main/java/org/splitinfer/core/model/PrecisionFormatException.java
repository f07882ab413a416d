package org.splitinfer.core.model;

/**
 * A precision specification ({@code fp8}, {@code weights=fp4,activations=fp8,kv=fp8}) that cannot be parsed.
 * The message is one sentence naming the offending part and listing the valid keys and formats.
 *
 * @since 0.1
 */
public class PrecisionFormatException extends ModelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence for the user
     */
    public PrecisionFormatException(String message) {
        super(message);
    }
}
