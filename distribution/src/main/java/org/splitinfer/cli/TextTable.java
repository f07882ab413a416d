package org.splitinfer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text printed as aligned columns that fit a width, or as CSV.
 *
 * <p>Fitting: while the natural widths (plus two spaces between columns, or one when two do not leave room for
 * every column's longest whole word) exceed the width, the widest column that can still narrow gives up one
 * character. A column narrows in three stages, each tried for the whole table before the next: down to its longest
 * word (breaking at spaces), then to its longest piece of a word (after a hyphen, comma, slash, as {@link Text#wrap}
 * breaks), then to four characters, cutting words. The first column, which names the row, keeps its width through
 * the first two stages. A cell then wraps onto as many lines as it needs; when a quarter of the rows or more take
 * more than one line, a blank line separates every row from the next, so that rows stay apart. A cell may hold its
 * own line breaks. A row may carry a detail: prose printed under its cells from the second column on, as wide as the
 * table allows, for what would make a column too wide to fit.
 */
final class TextTable {
    private static final int NARROWEST = 4;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private boolean wholeFirstColumn = true;

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Lets the first column wrap like the others, for a table whose first column is not a short name.
     *
     * @return this table
     */
    TextTable wrapFirstColumn() {
        wholeFirstColumn = false;
        return this;
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        details.add(null);
        return this;
    }

    /**
     * A row with prose under it, aligned with the second column (CSV leaves the detail out).
     *
     * @param detail the prose
     * @param cells  the row's cells
     * @return this table
     */
    TextTable detailedRow(String detail, Object... cells) {
        row(cells);
        details.set(details.size() - 1, detail);
        return this;
    }

    /**
     * @return the width the table takes when no cell wraps: every column's longest line, two spaces between columns
     */
    int naturalWidth() {
        int width = 2 * (headers.size() - 1);
        for (int i = 0; i < headers.size(); i++) {
            int column = longestLine(headers.get(i));
            for (List<String> row : rows) {
                column = Math.max(column, longestLine(row.get(i)));
            }
            width += column;
        }
        return width;
    }

    /**
     * Prints the rows as aligned columns.
     *
     * @param out     where to print
     * @param columns the width the table must fit
     */
    void printAligned(PrintWriter out, int columns) {
        int count = headers.size();
        int[] widths = new int[count];
        int[] words = new int[count];
        int[] pieces = new int[count];
        for (int i = 0; i < count; i++) {
            widths[i] = longestLine(headers.get(i));
            words[i] = Text.longestWord(headers.get(i), false);
            pieces[i] = Text.longestWord(headers.get(i), true);
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], longestLine(row.get(i)));
                words[i] = Math.max(words[i], Text.longestWord(row.get(i), false));
                pieces[i] = Math.max(pieces[i], Text.longestWord(row.get(i), true));
            }
        }
        if (wholeFirstColumn) {
            words[0] = widths[0];
            pieces[0] = widths[0];
        }
        int gap = sum(widths) + 2 * (count - 1) <= columns || sum(words) + 2 * (count - 1) <= columns ? 2 : 1;
        int budget = columns - gap * (count - 1);
        for (int[] floors : List.of(words, pieces, narrowest(widths))) {
            narrow(widths, floors, budget);
        }
        String spaces = " ".repeat(gap);
        printLines(out, wrap(headers, widths), widths, spaces);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        printLines(out, wrap(rule, widths), widths, spaces);
        List<List<List<String>>> wrapped = new ArrayList<>(rows.size());
        int tallRows = 0;
        for (List<String> row : rows) {
            List<List<String>> cells = wrap(row, widths);
            wrapped.add(cells);
            tallRows += cells.stream().anyMatch(lines -> lines.size() > 1) ? 1 : 0;
        }
        boolean tall = tallRows > 0 && tallRows * 4 >= rows.size();
        String indent = " ".repeat(widths[0] + gap);
        for (int i = 0; i < wrapped.size(); i++) {
            if (tall && i > 0) {
                out.println();
            }
            printLines(out, wrapped.get(i), widths, spaces);
            if (details.get(i) != null) {
                Text.print(out, indent, details.get(i), columns);
            }
        }
        out.flush();
    }

    private static List<List<String>> wrap(List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            wrapped.add(Text.wrap(cells.get(i), widths[i]));
        }
        return wrapped;
    }

    private static int[] narrowest(int[] widths) {
        int[] narrowest = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            narrowest[i] = Math.min(widths[i], NARROWEST);
        }
        return narrowest;
    }

    /** Takes one character at a time from the widest column still above its floor, until the widths fit. */
    private static void narrow(int[] widths, int[] floors, int budget) {
        while (sum(widths) > budget) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
        }
    }

    /** Prints one row whose cells are wrapped already, each column padded to its width. */
    private static void printLines(PrintWriter out, List<List<String>> cells, int[] widths, String gap) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        for (int line = 0; line < lines; line++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String part = line < cells.get(i).size() ? cells.get(i).get(line) : "";
                if (i > 0) {
                    text.append(gap);
                }
                text.append(part).append(" ".repeat(Math.max(0, widths[i] - part.length())));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }

    private static int sum(int[] widths) {
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    /**
     * Prints the rows as CSV (RFC 4180 quoting), the headers first.
     *
     * @param out where to print
     */
    void printCsv(PrintWriter out) {
        out.println(csvLine(headers));
        for (List<String> row : rows) {
            out.println(csvLine(row));
        }
        out.flush();
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}
