package org.splitinfer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Text wrapped to a width, for table cells and long lines: breaks at spaces (which are dropped; not the space between
 * a number and its unit, as in {@code 29.2 ms}) and after a hyphen, slash, comma, semicolon, equals sign or bar that
 * is followed by a letter and leaves three characters or more (so {@code tt-blackhole-p150} may break as
 * {@code tt-blackhole-}/{@code p150}, but none of {@code 1,197}, {@code llama-3.1-8b} and {@code FLOP/B} does); a
 * word longer than the width is cut. A line break is kept.
 */
final class Text {
    private Text() {
    }

    /**
     * @param text  any text
     * @param width the most characters a line holds, at least 1
     * @return its lines, at least one
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, Math.max(1, width), lines);
        }
        return lines;
    }

    /**
     * Prose wrapped to a width, its first line after a prefix and the others indented as far.
     *
     * @param out     where to print
     * @param prefix  what opens the first line, e.g. {@code "  - "} or {@code "note: "}
     * @param text    the prose
     * @param columns the width
     */
    static void print(PrintWriter out, String prefix, String text, int columns) {
        String indent = " ".repeat(prefix.length());
        List<String> lines = wrap(text, Math.max(columns - prefix.length(), 20));
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? prefix : indent) + lines.get(i));
        }
    }

    /**
     * @param text   any text
     * @param pieces whether a word may break after a hyphen, slash, comma and the like, or only at spaces
     * @return the length of its longest word, or piece of a word, that {@link #wrap} does not cut unless it must
     */
    static int longestWord(String text, boolean pieces) {
        int longest = 0;
        for (String paragraph : text.split("\n", -1)) {
            for (String word : words(paragraph)) {
                if (!pieces) {
                    longest = Math.max(longest, word.length());
                    continue;
                }
                for (String piece : pieces(word)) {
                    longest = Math.max(longest, piece.length());
                }
            }
        }
        return longest;
    }

    private static void wrapParagraph(String paragraph, int width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (String word : words(paragraph)) {
            // a number kept with its unit is still two words where the pair is wider than a line
            words.addAll(word.length() > width && word.contains(" ") ? List.of(word.split(" ")) : List.of(word));
        }
        for (String word : words) {
            boolean firstPiece = true;
            for (String piece : pieces(word)) {
                // a space joins a word to the line; the pieces of one word join without one
                String joint = firstPiece && line.length() > 0 ? " " : "";
                firstPiece = false;
                if (line.length() + joint.length() + piece.length() <= width) {
                    line.append(joint).append(piece);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                String rest = piece;
                while (rest.length() > width) {
                    lines.add(rest.substring(0, width));
                    rest = rest.substring(width);
                }
                line.append(rest);
            }
        }
        lines.add(line.toString().stripTrailing());
    }

    /** The paragraph cut at spaces, but for the space between a number and the unit that follows it. */
    private static List<String> words(String paragraph) {
        List<String> words = new ArrayList<>();
        for (String word : paragraph.split(" ", -1)) {
            int last = words.size() - 1;
            if (last >= 0 && !words.get(last).isEmpty() && !word.isEmpty()
                    && Character.isDigit(words.get(last).charAt(words.get(last).length() - 1))
                    && isUnit(word)) {
                words.set(last, words.get(last) + " " + word);
            } else {
                words.add(word);
            }
        }
        return words;
    }

    /** @return whether a word reads as a unit: short, and no digit (ms, GB, tok/s, W, B) */
    private static boolean isUnit(String word) {
        return word.length() <= 7 && word.chars().noneMatch(Character::isDigit) && !word.equals("x");
    }

    /** A word cut after each break character that a letter follows, leaving no piece of fewer than three. */
    private static List<String> pieces(String word) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length() - 3; i++) {
            if ("-/,;=|".indexOf(word.charAt(i)) >= 0 && Character.isLetter(word.charAt(i + 1))) {
                pieces.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(word.substring(start));
        return pieces;
    }
}
