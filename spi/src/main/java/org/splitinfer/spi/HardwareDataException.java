package org.splitinfer.spi;

/**
 * A plugin's hardware data is missing or malformed. The message names the resource, the key and the fix.
 *
 * @since 0.1
 */
public class HardwareDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the resource, the key and the fix
     */
    public HardwareDataException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the resource, the key and the fix
     * @param cause   the underlying failure
     */
    public HardwareDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
