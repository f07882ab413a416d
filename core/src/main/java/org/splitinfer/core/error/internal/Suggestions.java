package org.splitinfer.core.error.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "did you mean" suggestions by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * A message for an unknown name.
     *
     * @param what  what kind of thing, e.g. "accelerator"
     * @param name  the unknown name
     * @param known the valid names
     * @return {@code unknown <what> '<name>'; did you mean '<best>'? Available: a, b, c}, or without a close name
     *         {@code unknown <what> '<name>'; available: a, b, c}
     */
    public static String unknown(String what, String name, List<String> known) {
        String best = closest(name, known);
        StringBuilder message = new StringBuilder("unknown ").append(what).append(" '").append(name).append('\'');
        if (best != null) {
            message.append("; did you mean '").append(best).append("'? Available: ");
        } else {
            message.append("; available: ");
        }
        message.append(String.join(", ", known));
        return message.toString();
    }

    /**
     * The closest known name, ignoring case, or null when none is close: an edit distance of at most
     * {@code max(2, length / 3)}. Ties go to the first candidate in iteration order.
     *
     * @param name  what the user typed
     * @param known the valid names, in a deterministic order
     * @return the closest candidate, or null
     */
    public static String closest(String name, Collection<String> known) {
        if (name == null) {
            return null;
        }
        String needle = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, needle.length() / 3) ? best : null;
    }

    /**
     * Levenshtein distance.
     *
     * @param a one string
     * @param b another
     * @return edits to turn a into b
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The problem line of an unknown key in a strictly read file.
     *
     * @param path  the key's path, e.g. {@code prefill.chps}
     * @param key   the key itself
     * @param known the keys allowed there
     * @return {@code <path>: unknown key; did you mean '<closest>'?}
     */
    public static String unknownKey(String path, String key, Collection<String> known) {
        String hint = closest(key, known);
        return path + ": unknown key" + (hint == null ? "" : "; did you mean '" + hint + "'?");
    }
}
