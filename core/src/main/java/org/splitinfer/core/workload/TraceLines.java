package org.splitinfer.core.workload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A trace's lines as ranges of one reused byte buffer: what {@link java.io.BufferedReader#readLine()} does, without
 * the String (and its char array) it makes for every line, so reading a row allocates nothing. Lines end at
 * {@code \n}, a {@code \r} before it is dropped (the Azure traces end lines in CRLF), the last line needs no line
 * end, and a UTF-8 byte-order mark at the start is skipped. Not thread-safe.
 */
final class TraceLines implements AutoCloseable {
    /** 64 KiB reads: a few hundred rows a read, well past the point where larger reads stop paying. */
    private static final int BUFFER_BYTES = 1 << 16;
    /** A row is a few dozen bytes; a line this long means the file is not a trace. */
    private static final int MAX_LINE_BYTES = 1 << 24;

    private final String sourceName;
    private final InputStream input;
    private byte[] buffer = new byte[BUFFER_BYTES];
    /** Unread bytes lie in {@code [position, limit)}. */
    private int position;
    private int limit;
    private boolean exhausted;
    private int start;
    private int end;
    private long lineNumber;

    /**
     * @param sourceName what messages call the trace
     * @param input      its bytes; closed by {@link #close()}
     */
    TraceLines(String sourceName, InputStream input) {
        this.sourceName = sourceName;
        this.input = input;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input
     * @throws IOException when reading fails
     */
    boolean next() throws IOException {
        int scan = position;
        while (true) {
            byte[] bytes = buffer;
            for (int i = scan; i < limit; i++) {
                if (bytes[i] == '\n') {
                    take(position, i);
                    position = i + 1;
                    return true;
                }
            }
            if (exhausted) {
                if (position < limit) {
                    take(position, limit);
                    position = limit;
                    return true;
                }
                return false;
            }
            int scanned = limit - position;
            fill();
            scan = position + scanned;
        }
    }

    /**
     * Moves to the next line that holds more than spaces and tabs.
     *
     * @return false at the end of the input
     * @throws IOException when reading fails
     */
    boolean nextNonBlank() throws IOException {
        while (next()) {
            for (int i = start; i < end; i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t') {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the buffer holding the current line; valid until the next call to {@link #next()} */
    byte[] buffer() {
        return buffer;
    }

    /** @return the index of the current line's first byte in {@link #buffer()} */
    int start() {
        return start;
    }

    /** @return the index just past the current line's last byte (line end excluded) */
    int end() {
        return end;
    }

    /** @return the current line's number, counting from 1 */
    long lineNumber() {
        return lineNumber;
    }

    private void take(int from, int to) {
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        if (lineNumber == 0 && to - from >= 3 && buffer[from] == (byte) 0xEF && buffer[from + 1] == (byte) 0xBB
                && buffer[from + 2] == (byte) 0xBF) {
            from += 3;
        }
        start = from;
        end = to;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES) {
                throw new WorkloadException(sourceName + ":" + (lineNumber + 1) + ": the line is longer than "
                        + (MAX_LINE_BYTES >> 20) + " MiB, which no trace row is; check that the file is a trace");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = input.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            exhausted = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
