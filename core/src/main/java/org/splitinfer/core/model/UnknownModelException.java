package org.splitinfer.core.model;

import java.util.List;
import java.util.Optional;

/**
 * A model id that the catalog does not hold. The message suggests the nearest id and lists the known ones.
 *
 * @since 0.1
 */
public class UnknownModelException extends ModelException {
    private static final long serialVersionUID = 1L;

    private final String requested;
    private final String suggestion;
    private final List<String> known;

    /**
     * @param requested  the id asked for
     * @param suggestion the nearest known id, or null when none is close
     * @param known      the known ids, sorted
     */
    public UnknownModelException(String requested, String suggestion, List<String> known) {
        super(message(requested, suggestion, known));
        this.requested = requested;
        this.suggestion = suggestion;
        this.known = List.copyOf(known);
    }

    private static String message(String requested, String suggestion, List<String> known) {
        return "unknown model '" + requested + "'"
                + (suggestion == null ? "." : "; did you mean '" + suggestion + "'?")
                + " Known: " + String.join(", ", known) + ".";
    }

    /** @return the id asked for */
    public String requested() {
        return requested;
    }

    /** @return the nearest known id, if one is close */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    /** @return the known ids, sorted */
    public List<String> known() {
        return known;
    }
}
