package org.splitinfer.core.hardware;

import org.splitinfer.core.error.SplitInferException;

/** Two plugins provide the same accelerator id: the host cannot tell which one the user means. */
public final class DuplicateAcceleratorException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * @param id     the id provided twice
     * @param first  where the first provider came from
     * @param second where the second provider came from
     */
    public DuplicateAcceleratorException(String id, String first, String second) {
        super("accelerator '" + id + "' is provided by both " + first + " and " + second
                + "; remove one of the two plugins");
    }
}
