package org.splitinfer.core.validate;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * A case file that cannot be read: missing, not YAML, or with malformed cases. The message names the file and every
 * problem found (each with its case, key, value and what was expected).
 *
 * @since 0.1
 */
public final class CaseFileException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /** The problems, each one clause; empty when the file could not be read at all. */
    private final List<String> problems;

    CaseFileException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** @return each problem found, in file order; empty when the file could not be read or parsed at all */
    public List<String> problems() {
        return problems;
    }
}
