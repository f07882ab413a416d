package org.splitinfer.core.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.error.internal.Suggestions;

/** An accelerator id that no installed plugin provides, or the beginning of several. */
public final class UnknownAcceleratorException extends SplitInferException {
    private static final long serialVersionUID = 1L;

    /**
     * The id is unknown: the message suggests the ids it begins (an exact lookup does not take prefixes), else the
     * closest id, and lists those available.
     *
     * @param id    the id asked for
     * @param known the ids available
     */
    public UnknownAcceleratorException(String id, List<String> known) {
        super(message(id, known));
    }

    private UnknownAcceleratorException(String message) {
        super(message);
    }

    /**
     * @param prefix     what was asked for
     * @param candidates the ids it begins, two or more
     * @return "accelerator 'h1' is ambiguous: h100-sxm, h200-sxm begin with it; give more of the id"
     * @since 0.1
     */
    public static UnknownAcceleratorException ambiguous(String prefix, List<String> candidates) {
        return new UnknownAcceleratorException("accelerator '" + prefix + "' is ambiguous: "
                + String.join(", ", candidates) + " begin with it; give more of the id");
    }

    private static String message(String id, List<String> known) {
        List<String> beginning = new ArrayList<>();
        String needle = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            if (!needle.isEmpty() && candidate.toLowerCase(Locale.ROOT).startsWith(needle)) {
                beginning.add(candidate);
            }
        }
        if (beginning.size() == 1) {
            return "unknown accelerator '" + id + "'; did you mean '" + beginning.get(0) + "'? Available: "
                    + String.join(", ", known);
        }
        if (beginning.size() > 1) {
            return "unknown accelerator '" + id + "'; did you mean one of " + String.join(", ", beginning)
                    + "? Available: " + String.join(", ", known);
        }
        return Suggestions.unknown("accelerator", id, known);
    }
}
