package org.splitinfer.cli;

import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * Options written in one string (a {@code --deployment} value, an {@code args} entry) split into words as a shell
 * splits them: at blanks, except inside single or double quotes, which are removed.
 */
final class ShellWords {
    private ShellWords() {
    }

    /**
     * @param line options in one string
     * @return its words
     * @throws SplitInferException when a quote is left open
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new SplitInferException("the options '" + line + "' leave a " + (quote == '"' ? "double" : "single")
                    + " quote open; close it");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
