package org.splitinfer.core.hardware;

import org.splitinfer.core.error.SplitInferException;

/**
 * A what-if change to the installed hardware was refused: a {@code --set} that names an unknown chip or figure or
 * gives a value the sheet's rules refuse, or an added hardware sheet that is malformed, names a family no installed
 * plugin models, or reuses an installed chip's id. One sentence naming the change and the way out.
 *
 * @since 0.2
 */
public final class HardwareOverrideException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the change and what is valid
     */
    public HardwareOverrideException(String message) {
        super(message);
    }

    /**
     * @param message one sentence naming the change and what is valid
     * @param cause   the plugin's or the parser's own refusal
     */
    public HardwareOverrideException(String message, Throwable cause) {
        super(message, cause);
    }
}
