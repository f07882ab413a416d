package org.splitinfer.core.error;

import java.util.List;
import org.splitinfer.core.error.internal.OneLine;

/**
 * The root of every problem splitinfer-core reports that the caller can fix: bad input, an unknown id, a
 * deployment that cannot serve a model, a conflicting plugin. Its message is one sentence naming the problem and
 * the way out, on one line: a control character in it (a newline or a terminal escape echoed from a file or a flag) is
 * written as a visible escape ({@code \n}, or a backslash, {@code u} and four hex digits). Where the problem lies
 * in a field of the input, the message names it by its path
 * ({@code decode.chips}, {@code workload.inputTokens}) and {@link #fields()} lists those paths, so that a front end
 * can say the same in its own words (the command-line tool writes its flags for them).
 *
 * <p>Errors of a plugin's model (the SPI's {@code UnsupportedPrecisionException}, say) reach library users
 * wrapped in a subclass, with the plugin's exception as the cause.
 *
 * @since 0.1
 */
public class SplitInferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Field paths the message names. */
    private final List<String> fields;

    /**
     * @param message one sentence naming the problem and the fix
     */
    public SplitInferException(String message) {
        this(message, null, List.of());
    }

    /**
     * @param message one sentence naming the problem and the fix
     * @param cause   the underlying failure
     */
    public SplitInferException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    /**
     * @param message one sentence naming the problem and the fix, which names each field by its path
     * @param cause   the underlying failure, or null
     * @param fields  the paths of the input fields the message names, e.g. {@code decode.chips}
     */
    public SplitInferException(String message, Throwable cause, List<String> fields) {
        super(OneLine.of(message), cause);
        this.fields = List.copyOf(fields);
    }

    /**
     * The input fields the message names, each exactly as it appears in the message: dotted paths such as
     * {@code decode.tp} or {@code workload.concurrency}.
     *
     * @return field paths, possibly empty
     */
    public List<String> fields() {
        return fields;
    }
}
