package org.splitinfer.core.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitinfer.core.input.Shown;

/**
 * A sweep's CSV output: a header line of {@link SweepColumn#names()}, then one line per point. A sweep appends
 * whole lines and flushes each, so a crash leaves at most one torn last line (no line break at its end, or fewer
 * fields than the header); {@link #readDone} drops it.
 *
 * @since 0.1
 */
public final class SweepCsv {
    /** The header line, without its line break. */
    public static final String HEADER = String.join(",", SweepColumn.names());

    private SweepCsv() {
    }

    /**
     * @param text a text value
     * @return the text as one CSV field: quoted (with quotes doubled) when it holds a comma, a quote or a line break
     */
    public static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * Splits one CSV line into its fields (RFC 4180 quoting; a line break inside quotes is not expected, as rows
     * never hold one unquoted and {@link #quoted} keeps them on their line only when they hold none).
     *
     * @param line the line, without its line break
     * @return the fields, or null when the line is not well formed (an unclosed quote)
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * Reads one line back into its row: each field by its column's type, an empty field null.
     *
     * @param line a row's line, as {@link SweepRow#csv()} writes it
     * @return the row
     * @throws SweepException when the line is not a whole row
     */
    public static SweepRow row(String line) {
        List<String> fields = fields(line);
        if (fields == null || fields.size() != SweepColumn.ALL.size()) {
            throw new SweepException("a sweep row has " + SweepColumn.ALL.size() + " fields, got "
                    + (fields == null ? "an unclosed quote" : fields.size()) + "; remove the line");
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field.isEmpty()) {
                values.add(null);
                continue;
            }
            try {
                values.add(switch (SweepColumn.ALL.get(i).type()) {
                    case TEXT -> field;
                    case INTEGER -> Long.parseLong(field);
                    case REAL -> Double.parseDouble(field);
                });
            } catch (NumberFormatException e) {
                throw new SweepException("a sweep row's " + SweepColumn.ALL.get(i).name() + " holds "
                        + Shown.quoted(field) + ", not a number; remove the line");
            }
        }
        return new SweepRow(values);
    }

    /**
     * Reads what an earlier run of a sweep wrote, for {@code --resume}: each whole row by its key, in file order.
     * A torn last line is dropped (and the file cut back to the last whole line, so appending continues cleanly).
     *
     * @param file the output file
     * @return key to the row's line; empty when the file does not exist or holds nothing
     * @throws SweepException when its header is not a sweep's, or a line before the last is broken
     */
    public static Map<String, String> readDone(Path file) {
        Map<String, String> rows = new LinkedHashMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return rows;
        } catch (IOException e) {
            throw new SweepException("sweep output " + Shown.path(file.toString()) + " cannot be read ("
                    + e.getMessage() + "); check the path, or give another --out");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int whole = text.lastIndexOf('\n') + 1;
        List<String> lines = text.substring(0, whole).lines().toList();
        String name = Shown.path(file.toString());
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            if (text.isEmpty() || HEADER.startsWith(text.strip())) {
                cut(file, 0);
                return rows;
            }
            throw new SweepException("sweep output " + name + " does not start with a sweep's header (its columns"
                    + " differ from this version's); give another --out, or remove the file to start again");
        }
        long keep = whole;
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = fields(lines.get(i));
            if (fields == null || fields.size() != SweepColumn.ALL.size() || !fields.get(1).matches("[0-9a-f]{16}")) {
                if (i == lines.size() - 1) {
                    // a torn last line that happened to end at a line break
                    keep = whole - lines.get(i).getBytes(StandardCharsets.UTF_8).length - 1;
                    break;
                }
                throw new SweepException("sweep output " + name + " line " + (i + 1) + " is not a whole row (it has "
                        + (fields == null ? "an unclosed quote" : fields.size() + " fields of "
                        + SweepColumn.ALL.size()) + "); remove the line, or the file to start again");
            }
            rows.put(fields.get(1), lines.get(i));
        }
        if (keep < bytes.length) {
            cut(file, keep);
        }
        return rows;
    }

    private static void cut(Path file, long length) {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(length);
        } catch (IOException e) {
            throw new SweepException("sweep output " + Shown.path(file.toString()) + " cannot be written ("
                    + e.getMessage() + "); check its permissions, or give another --out");
        }
    }
}
