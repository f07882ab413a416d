package org.splitinfer.cli;

/**
 * A message made safe for one terminal line: what a user typed is echoed in messages, and a newline, a carriage
 * return, an escape sequence or a right-to-left override in it must not break the line or repaint the screen, so
 * every control character is written as an escape: a newline as {@code \n}, the others by their code point.
 */
final class OneLine {
    private OneLine() {
    }

    /**
     * @param text any text
     * @return the text with each control or bidirectional-override character escaped
     */
    static String of(String text) {
        StringBuilder line = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && line == null) {
                line = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (line != null) {
                line.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return line == null ? text : line.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || isDirectionOverride(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    /** Characters that reorder what follows them on screen (U+202A to U+202E, U+2066 to U+2069). */
    private static boolean isDirectionOverride(char c) {
        return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
