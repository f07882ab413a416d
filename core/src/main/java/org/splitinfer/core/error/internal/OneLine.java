package org.splitinfer.core.error.internal;

import java.util.Locale;

/**
 * Keeps a message on one line: control characters (a newline, a tab, a terminal escape) and Unicode line and
 * paragraph separators become visible escapes ({@code \n}, {@code \t}, or a backslash, {@code u} and four hex
 * digits), so a value echoed from a file or a flag can neither break the one-line rule of errors nor drive the
 * terminal.
 */
public final class OneLine {
    private OneLine() {
    }

    /**
     * @param text any text, or null
     * @return the text with every control character escaped; null stays null
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }
}
