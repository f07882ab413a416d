package org.splitinfer.core.model;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by Levenshtein edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code input}, if it is close: an edit distance of at most
     * {@code max(2, length / 3)}. Ties go to the first candidate in iteration order.
     *
     * @param input      what the user typed
     * @param candidates the valid values, in a deterministic order
     * @return the nearest candidate, or null
     */
    static String nearest(String input, Collection<String> candidates) {
        if (input == null) {
            return null;
        }
        String needle = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int limit = Math.max(2, needle.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
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
}
