package org.splitinfer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.splitinfer.core.error.internal.OneLine;

/**
 * A value from a file or a flag as a message shows it: quoted, with control characters escaped (a newline becomes
 * {@code \n}), and shortened when long, so one runaway value can neither break a message's line nor flood the
 * terminal.
 *
 * @since 0.1
 */
public final class Shown {
    /** Characters of a value a message shows before it shortens it. */
    private static final int MAX_CHARACTERS = 80;

    private Shown() {
    }

    /**
     * @param value what the user gave, or null
     * @return it in single quotes, escaped and shortened: {@code 'a\nb'}; null as {@code nothing}
     */
    public static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        String shortened = value.length() > MAX_CHARACTERS ? value.substring(0, MAX_CHARACTERS - 3) + "..." : value;
        return "'" + OneLine.of(shortened) + "'";
    }

    /**
     * @param node a value of a parsed YAML or JSON file
     * @return it quoted as {@link #quoted} shows text, or its kind when it is a mapping or a list
     */
    public static String node(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return quoted(node.asText());
    }

    /**
     * @param path a file's path as the user gave it
     * @return it in single quotes, escaped but whole (a path is no use shortened)
     */
    public static String path(String path) {
        return "'" + OneLine.of(path) + "'";
    }
}
