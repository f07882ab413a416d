package org.splitinfer.core.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way SplitInfer reads a file a user names: only a regular file (a directory, a device such as
 * {@code /dev/zero}, a named pipe or a socket is refused before it is opened, so nothing blocks or loads forever), no
 * larger than a limit (checked from the file's size before reading, and again while reading, so a file that grows
 * is stopped too), and strictly UTF-8 (a byte that is not is named, not replaced). Every problem is one sentence
 * naming the file and the way out, thrown as the caller's own exception type.
 *
 * <p>Messages call the file by its kind ({@code pipeline file}) and its path, with control characters escaped.
 * Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class InputFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputFiles() {
    }

    /**
     * Reads a whole text file.
     *
     * @param file       the file
     * @param kind       what messages call it, e.g. {@code pipeline file}
     * @param limitBytes the largest size accepted, e.g. {@link Limits#MAX_CONFIG_FILE_BYTES}
     * @param error      makes the caller's exception from a one-sentence message
     * @return the text, without a byte-order mark
     */
    public static String read(Path file, String kind, long limitBytes,
                              Function<String, ? extends RuntimeException> error) {
        String name = kind + " " + Shown.path(file.toString());
        requireRegularFile(file, name, kind, limitBytes, error);
        try (InputStream input = Files.newInputStream(file)) {
            return decode(readLimited(input, name, kind, limitBytes, error), name, error);
        } catch (IOException e) {
            throw error.apply(unreadable(name, e));
        }
    }

    /**
     * Reads a whole text stream, such as a resource in a jar.
     *
     * @param input      the bytes, not closed
     * @param name       what messages call it, e.g. {@code hardware sheet 'gpu.yaml'}
     * @param kind       its kind, for the limit's sentence, e.g. {@code hardware sheet}
     * @param limitBytes the largest size accepted
     * @param error      makes the caller's exception from a one-sentence message
     * @return the text, without a byte-order mark
     */
    public static String read(InputStream input, String name, String kind, long limitBytes,
                              Function<String, ? extends RuntimeException> error) {
        try {
            return decode(readLimited(input, name, kind, limitBytes, error), name, error);
        } catch (IOException e) {
            throw error.apply(unreadable(name, e));
        }
    }

    /**
     * Opens a file to stream it, for files too large to hold (traces). The stream refuses to read past the limit,
     * throwing the caller's exception from {@code read}.
     *
     * @param file       the file
     * @param kind       what messages call it, e.g. {@code trace file}
     * @param limitBytes the largest size accepted
     * @param error      makes the caller's exception from a one-sentence message
     * @return the open stream; the caller closes it
     */
    public static InputStream open(Path file, String kind, long limitBytes,
                                   Function<String, ? extends RuntimeException> error) {
        String name = kind + " " + Shown.path(file.toString());
        requireRegularFile(file, name, kind, limitBytes, error);
        try {
            return new LimitedStream(Files.newInputStream(file), () -> error.apply(tooLarge(name, kind, limitBytes)),
                    limitBytes);
        } catch (IOException e) {
            throw error.apply(unreadable(name, e));
        }
    }

    /**
     * Checks, without opening it, that a file exists, is a regular file and is within a limit: what {@link #read}
     * and {@link #open} check first, for a reader that opens the file later.
     *
     * @param file       the file
     * @param kind       what messages call it, e.g. {@code trace file}
     * @param limitBytes the largest size accepted
     * @param error      makes the caller's exception from a one-sentence message
     */
    public static void requireRegularFile(Path file, String kind, long limitBytes,
                                          Function<String, ? extends RuntimeException> error) {
        requireRegularFile(file, kind + " " + Shown.path(file.toString()), kind, limitBytes, error);
    }

    private static void requireRegularFile(Path file, String name, String kind, long limitBytes,
                                           Function<String, ? extends RuntimeException> error) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw error.apply(name + " does not exist; check the path");
        } catch (IOException | SecurityException e) {
            throw error.apply(unreadable(name, e));
        }
        if (attributes.isDirectory()) {
            throw error.apply(name + " is a directory; give the path of a file");
        }
        if (!attributes.isRegularFile()) {
            throw error.apply(name + " is not a regular file (it is a device, a pipe or a socket); give the path of"
                    + " a file");
        }
        if (attributes.size() > limitBytes) {
            throw error.apply(tooLarge(name, kind, limitBytes) + " (it holds " + Limits.count(attributes.size())
                    + " bytes)");
        }
    }

    private static byte[] readLimited(InputStream input, String name, String kind, long limitBytes,
                                      Function<String, ? extends RuntimeException> error) throws IOException {
        int most = (int) Math.min(limitBytes, Integer.MAX_VALUE - 16);
        byte[] bytes = input.readNBytes(most + 1);
        if (bytes.length > most) {
            throw error.apply(tooLarge(name, kind, limitBytes));
        }
        return bytes;
    }

    private static String decode(byte[] bytes, String name, Function<String, ? extends RuntimeException> error) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw error.apply(name + " is not UTF-8 text (byte " + Limits.count(in.position() + 1L)
                    + " is not valid UTF-8); save it as UTF-8");
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }

    private static String tooLarge(String name, String kind, long limitBytes) {
        return name + " is larger than " + Limits.size(limitBytes) + ", the limit for a " + kind
                + "; check that the path names the right file";
    }

    private static String unreadable(String name, Exception e) {
        return name + " cannot be read (" + reason(e) + "); check that it is a readable file";
    }

    /** Why an operation failed, in words: the system's reason, never an exception's class name. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input error" : message.strip();
    }

    /** Counts what is read and refuses to go past the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final Supplier<? extends RuntimeException> overLimit;
        private final long limitBytes;
        private long read;

        LimitedStream(InputStream input, Supplier<? extends RuntimeException> overLimit,
                      long limitBytes) {
            super(input);
            this.overLimit = overLimit;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > limitBytes) {
                throw overLimit.get();
            }
        }
    }
}
