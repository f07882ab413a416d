package org.splitinfer.core.hardware;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.error.internal.Suggestions;

/** An accelerator id that no installed plugin provides. */
public final class UnknownAcceleratorException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param id    the id asked for
     * @param known the ids available
     */
    public UnknownAcceleratorException(String id, List<String> known) {
        super(Suggestions.unknown("accelerator", id, known));
    }
}
