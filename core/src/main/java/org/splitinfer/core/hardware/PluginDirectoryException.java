package org.splitinfer.core.hardware;

import org.splitinfer.core.error.SplitInferException;

/** A plugin directory that does not exist or cannot be read. */
public final class PluginDirectoryException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one sentence naming the directory and the fix
     */
    public PluginDirectoryException(String message) {
        super(message);
    }
}
