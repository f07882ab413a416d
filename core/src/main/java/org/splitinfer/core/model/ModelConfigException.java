package org.splitinfer.core.model;

/**
 * A model file (a catalog YAML resource or a Hugging Face {@code config.json}) that cannot be read: malformed,
 * missing a field, an unsupported architecture or an invalid value. The message names the file and the key.
 *
 * @since 0.1
 */
public class ModelConfigException extends ModelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the file and the key
     */
    public ModelConfigException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the file and the key
     * @param cause   the parser's failure, for logs
     */
    public ModelConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
