package org.splitinfer.core.cost;

import org.splitinfer.core.error.SplitInferException;

/**
 * A serving-calibration file that cannot be read: missing, not YAML, or with a parameter out of its physical range.
 * The message names the file and every problem found.
 *
 * @since 0.1
 */
public final class CalibrationFileException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the file, the problems and the fix
     */
    public CalibrationFileException(String message) {
        super(message);
    }
}
