package org.splitinfer.core.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.Limits;

/**
 * One pass over a trace, row by row: detects the {@linkplain TraceFormat format}, parses each row in place from the
 * line's bytes, and checks it. A bad row (wrong number of columns, a value that is not a number, tokens below 1,
 * a prompt and answer longer than {@link Limits#MAX_TOKENS} together, an arrival earlier than the row before, an
 * unknown, missing or repeated JSON key, a line that is not a JSON object) stops the read with a {@link WorkloadException} naming the file and line, or, when bad rows are skipped,
 * is counted and passed over. Allocates nothing per good row; a message is built only when it is thrown. Not
 * thread-safe.
 */
final class TraceReader implements AutoCloseable {
    private static final int ARRIVAL = 0;
    private static final int INPUT = 1;
    private static final int OUTPUT = 2;
    private static final int ALL_KEYS = 0b111;

    private static final int NO_PROBLEM = 0;
    private static final int COLUMN_COUNT = 1;
    private static final int BAD_TOKENS = 2;
    private static final int BAD_ARRIVAL = 3;
    private static final int BACKWARDS = 4;
    private static final int NOT_AN_OBJECT = 5;
    private static final int UNKNOWN_KEY = 6;
    private static final int MISSING_KEY = 7;
    private static final int REPEATED_KEY = 8;
    private static final int TOO_LONG = 9;

    private static final String FIX = "; fix the row or skip bad rows";

    private final TraceSource source;
    private final boolean skipBadRows;
    private final TraceLines lines;
    private final TraceFormat format;
    /** A CSV's columns by position: which of arrival, input, output each holds. */
    private final int[] roleOfColumn;
    /** The column or key names, by role. */
    private final String[] names;
    private final byte[][] keyBytes;
    private boolean firstLinePending;

    private long arrivalNanos;
    private int inputTokens;
    private int outputTokens;
    private boolean anyRow;
    private long previousArrivalLine;
    private long skippedRows;

    private final int[] cellFrom = new int[3];
    private final int[] cellTo = new int[3];
    private long rowArrival;
    private int rowInput;
    private int rowOutput;
    private int arrivalFrom;
    private int arrivalTo;
    private int problem;
    private int problemRole;
    private int problemFrom;
    private int problemTo;
    private int problemCount;

    private TraceReader(TraceSource source, boolean skipBadRows, TraceLines lines, TraceFormat format,
                        int[] roleOfColumn, boolean firstLinePending) {
        this.source = source;
        this.skipBadRows = skipBadRows;
        this.lines = lines;
        this.format = format;
        this.roleOfColumn = roleOfColumn;
        this.firstLinePending = firstLinePending;
        this.names = new String[] {format.arrivalName(), format.inputName(), format.outputName()};
        this.keyBytes = new byte[3][];
        for (int role = 0; role < 3; role++) {
            keyBytes[role] = names[role].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * Opens a trace and reads its header (or, for JSON lines, its first line).
     *
     * @param source      the trace
     * @param skipBadRows whether bad rows are counted and skipped rather than refused
     * @return a reader before the first row
     * @throws WorkloadException when the trace cannot be opened, is empty, or its first line is no known header
     */
    static TraceReader open(TraceSource source, boolean skipBadRows) {
        TraceLines lines = new TraceLines(source.name(), source.open());
        try {
            if (!lines.nextNonBlank()) {
                throw new WorkloadException(source.name() + ": the trace is empty; give a header such as "
                        + TraceFormat.CSV.header() + " and one row per request, or one JSON object per line");
            }
            byte[] bytes = lines.buffer();
            int first = skipSpaces(bytes, lines.start(), lines.end());
            if (bytes[first] == '{') {
                return new TraceReader(source, skipBadRows, lines, TraceFormat.JSON_LINES, null, true);
            }
            String header = new String(bytes, lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
            for (TraceFormat format : List.of(TraceFormat.AZURE_LLM_INFERENCE, TraceFormat.CSV)) {
                int[] roles = roles(header, format);
                if (roles != null) {
                    return new TraceReader(source, skipBadRows, lines, format, roles, false);
                }
            }
            throw new WorkloadException(headerProblem(source, lines.lineNumber(), header));
        } catch (IOException e) {
            closeQuietly(lines);
            throw unreadable(source, e);
        } catch (RuntimeException e) {
            closeQuietly(lines);
            throw e;
        }
    }

    /** @return the format the trace was detected to be in */
    TraceFormat format() {
        return format;
    }

    /**
     * Moves to the next good row.
     *
     * @return false at the end of the trace
     * @throws WorkloadException at a bad row when bad rows are not skipped, or when the file cannot be read
     */
    boolean next() {
        try {
            while (true) {
                if (firstLinePending) {
                    firstLinePending = false;
                } else if (!lines.nextNonBlank()) {
                    return false;
                }
                problem = NO_PROBLEM;
                if (roleOfColumn == null) {
                    parseJsonObject(lines.buffer(), lines.start(), lines.end());
                } else {
                    parseCsvRow(lines.buffer(), lines.start(), lines.end());
                }
                if (problem == NO_PROBLEM && (long) rowInput + rowOutput > Limits.MAX_TOKENS) {
                    fail(TOO_LONG, -1, lines.start(), lines.end());
                }
                if (problem == NO_PROBLEM && anyRow && rowArrival < arrivalNanos) {
                    fail(BACKWARDS, ARRIVAL, arrivalFrom, arrivalTo);
                }
                if (problem == NO_PROBLEM) {
                    arrivalNanos = rowArrival;
                    inputTokens = rowInput;
                    outputTokens = rowOutput;
                    anyRow = true;
                    previousArrivalLine = lines.lineNumber();
                    return true;
                }
                if (!skipBadRows) {
                    throw new WorkloadException(describeProblem());
                }
                skippedRows++;
            }
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** @return the current row's arrival in nanoseconds from the format's origin (not from the first row) */
    long arrivalNanos() {
        return arrivalNanos;
    }

    /** @return the current row's prompt tokens */
    int inputTokens() {
        return inputTokens;
    }

    /** @return the current row's output tokens */
    int outputTokens() {
        return outputTokens;
    }

    /** @return the bad rows skipped so far */
    long skippedRows() {
        return skippedRows;
    }

    @Override
    public void close() {
        closeQuietly(lines);
    }

    private void parseCsvRow(byte[] bytes, int from, int to) {
        int cells = 0;
        int cellStart = from;
        for (int i = from; ; i++) {
            if (i == to || bytes[i] == ',') {
                if (cells < 3) {
                    cellFrom[cells] = cellStart;
                    cellTo[cells] = i;
                }
                cells++;
                if (i == to) {
                    break;
                }
                cellStart = i + 1;
            }
        }
        if (cells != 3) {
            problemCount = cells;
            fail(COLUMN_COUNT, -1, from, to);
            return;
        }
        for (int column = 0; column < 3; column++) {
            int start = skipSpaces(bytes, cellFrom[column], cellTo[column]);
            int end = trimSpaces(bytes, start, cellTo[column]);
            if (!parseValue(roleOfColumn[column], bytes, start, end)) {
                return;
            }
        }
    }

    /** A flat object of three numbers; strings, arrays and nested objects are refused as values. */
    private void parseJsonObject(byte[] bytes, int from, int to) {
        int p = skipSpaces(bytes, from, to);
        if (p == to || bytes[p] != '{') {
            fail(NOT_AN_OBJECT, -1, from, to);
            return;
        }
        int seen = 0;
        p = skipSpaces(bytes, p + 1, to);
        if (p < to && bytes[p] == '}') {
            p++;
        } else {
            while (true) {
                p = skipSpaces(bytes, p, to);
                if (p == to || bytes[p] != '"') {
                    fail(NOT_AN_OBJECT, -1, from, to);
                    return;
                }
                int keyFrom = p + 1;
                int keyTo = endOfString(bytes, keyFrom, to);
                if (keyTo == to) {
                    fail(NOT_AN_OBJECT, -1, from, to);
                    return;
                }
                p = skipSpaces(bytes, keyTo + 1, to);
                if (p == to || bytes[p] != ':') {
                    fail(NOT_AN_OBJECT, -1, from, to);
                    return;
                }
                int valueFrom = skipSpaces(bytes, p + 1, to);
                int valueTo = valueFrom;
                if (valueTo < to && bytes[valueTo] == '"') {
                    valueTo = Math.min(to, endOfString(bytes, valueTo + 1, to) + 1);
                } else {
                    while (valueTo < to && bytes[valueTo] != ',' && bytes[valueTo] != '}' && bytes[valueTo] != ' '
                            && bytes[valueTo] != '\t') {
                        valueTo++;
                    }
                }
                if (valueTo == valueFrom) {
                    fail(NOT_AN_OBJECT, -1, from, to);
                    return;
                }
                int role = roleOfKey(bytes, keyFrom, keyTo);
                if (role < 0) {
                    fail(UNKNOWN_KEY, -1, keyFrom, keyTo);
                    return;
                }
                if ((seen & (1 << role)) != 0) {
                    fail(REPEATED_KEY, role, keyFrom, keyTo);
                    return;
                }
                seen |= 1 << role;
                if (!parseValue(role, bytes, valueFrom, valueTo)) {
                    return;
                }
                p = skipSpaces(bytes, valueTo, to);
                if (p < to && bytes[p] == ',') {
                    p++;
                } else if (p < to && bytes[p] == '}') {
                    p++;
                    break;
                } else {
                    fail(NOT_AN_OBJECT, -1, from, to);
                    return;
                }
            }
        }
        if (skipSpaces(bytes, p, to) != to) {
            fail(NOT_AN_OBJECT, -1, from, to);
            return;
        }
        if (seen != ALL_KEYS) {
            fail(MISSING_KEY, Integer.numberOfTrailingZeros(~seen & ALL_KEYS), from, to);
        }
    }

    private boolean parseValue(int role, byte[] bytes, int from, int to) {
        if (role == ARRIVAL) {
            arrivalFrom = from;
            arrivalTo = to;
            rowArrival = format == TraceFormat.AZURE_LLM_INFERENCE
                    ? AzureTimestamps.epochNanos(bytes, from, to)
                    : TraceNumbers.secondsToNanos(bytes, from, to);
            if (rowArrival == AzureTimestamps.INVALID || rowArrival == TraceNumbers.INVALID) {
                fail(BAD_ARRIVAL, role, from, to);
                return false;
            }
            return true;
        }
        int tokens = TraceNumbers.wholeTokens(bytes, from, to);
        if (tokens == TraceNumbers.INVALID) {
            fail(BAD_TOKENS, role, from, to);
            return false;
        }
        if (role == INPUT) {
            rowInput = tokens;
        } else {
            rowOutput = tokens;
        }
        return true;
    }

    private int roleOfKey(byte[] bytes, int from, int to) {
        for (int role = 0; role < 3; role++) {
            if (Arrays.equals(bytes, from, to, keyBytes[role], 0, keyBytes[role].length)) {
                return role;
            }
        }
        return -1;
    }

    /** Records the row's first problem; the message is worded only if it is thrown. */
    private void fail(int kind, int role, int from, int to) {
        problem = kind;
        problemRole = role;
        problemFrom = from;
        problemTo = to;
    }

    private String describeProblem() {
        String where = source.name() + ":" + lines.lineNumber() + ": ";
        String text = quote(lines.buffer(), problemFrom, problemTo);
        switch (problem) {
            case COLUMN_COUNT:
                return where + "expected 3 comma-separated values (" + names[roleOfColumn[0]] + ","
                        + names[roleOfColumn[1]] + "," + names[roleOfColumn[2]] + "), got " + problemCount + FIX;
            case BAD_TOKENS:
                return where + names[problemRole] + " must be a whole number from 1 to "
                        + Limits.count(Limits.MAX_TOKENS) + ", got " + text + FIX;
            case BAD_ARRIVAL:
                return where + names[ARRIVAL] + (format == TraceFormat.AZURE_LLM_INFERENCE
                        ? " must be a time like 2023-11-16 18:15:46.6805900, got "
                        : " must be a number of seconds >= 0, got ") + text + FIX;
            case BACKWARDS:
                return where + names[ARRIVAL] + " " + text + " is earlier than the arrival on line "
                        + previousArrivalLine + "; sort the rows by arrival or skip bad rows";
            case UNKNOWN_KEY: {
                String key = new String(lines.buffer(), problemFrom, problemTo - problemFrom, StandardCharsets.UTF_8);
                String hint = Suggestions.closest(key, List.of(names));
                return where + "unknown key " + quote(key) + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + ", expected only " + String.join(", ", names) + FIX;
            }
            case MISSING_KEY:
                return where + "missing key '" + names[problemRole] + "'" + FIX;
            case REPEATED_KEY:
                return where + "key '" + names[problemRole] + "' appears twice" + FIX;
            case TOO_LONG:
                return where + names[INPUT] + " + " + names[OUTPUT] + " = " + ((long) rowInput + rowOutput)
                        + " tokens, more than the " + Limits.count(Limits.MAX_TOKENS) + " SplitInfer models in one"
                        + " request" + FIX;
            default:
                return where + "expected a JSON object of numbers with the keys " + String.join(", ", names) + ", got "
                        + text + FIX;
        }
    }

    private static int[] roles(String header, TraceFormat format) {
        List<String> expected = List.of(format.arrivalName(), format.inputName(), format.outputName());
        List<String> columns = columns(header);
        if (columns.size() != 3) {
            return null;
        }
        int[] roles = new int[3];
        boolean[] taken = new boolean[3];
        for (int column = 0; column < 3; column++) {
            int role = expected.indexOf(columns.get(column));
            if (role < 0 || taken[role]) {
                return null;
            }
            taken[role] = true;
            roles[column] = role;
        }
        return roles;
    }

    private static String headerProblem(TraceSource source, long line, String header) {
        List<String> known = List.of(TraceFormat.CSV.arrivalName(), TraceFormat.CSV.inputName(),
                TraceFormat.CSV.outputName(), TraceFormat.AZURE_LLM_INFERENCE.arrivalName(),
                TraceFormat.AZURE_LLM_INFERENCE.inputName(), TraceFormat.AZURE_LLM_INFERENCE.outputName());
        List<String> hints = new ArrayList<>();
        for (String column : columns(header)) {
            String hint = Suggestions.closest(column, known);
            if (hint != null && !hint.equals(column)) {
                hints.add("'" + hint + "' for '" + column + "'");
            }
        }
        return source.name() + ":" + line + ": " + quote(header) + " is not a trace header"
                + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)") + "; start the file "
                + "with " + TraceFormat.CSV.header() + " (or the Azure trace's "
                + TraceFormat.AZURE_LLM_INFERENCE.header() + "), or write one JSON object per line";
    }

    private static List<String> columns(String header) {
        List<String> columns = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == ',') {
                columns.add(header.substring(start, i).strip());
                start = i + 1;
            }
        }
        return columns;
    }

    private static int skipSpaces(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] == ' ' || bytes[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimSpaces(byte[] bytes, int from, int to) {
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    /** @return the index of the closing quote of a JSON string whose content starts at {@code from}, or {@code to} */
    private static int endOfString(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\\') {
                i++;
            } else if (bytes[i] == '"') {
                return i;
            }
        }
        return to;
    }

    private static String quote(byte[] bytes, int from, int to) {
        return quote(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }

    /** Quotes a value for a message, shortened so that a runaway line does not flood the terminal. */
    private static String quote(String text) {
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
    }

    private static WorkloadException unreadable(TraceSource source, IOException e) {
        return new WorkloadException(source.name() + ": the trace cannot be read (" + e.getMessage() + "); check that "
                + "it is a readable file", e);
    }

    private static void closeQuietly(TraceLines lines) {
        try {
            lines.close();
        } catch (IOException ignored) {
            // every byte wanted has been read (or the read has already failed, which is the error worth reporting)
        }
    }
}
