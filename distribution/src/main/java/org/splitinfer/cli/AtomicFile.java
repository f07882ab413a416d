package org.splitinfer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.splitinfer.core.error.SplitInferException;

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is then renamed over
 * it, so a failed write never leaves a half-written file or destroys the previous one.
 */
final class AtomicFile {
    /** What goes into the file, written to the temporary one. */
    @FunctionalInterface
    interface Content {
        /**
         * @param temporary the file to write
         * @throws IOException when the write fails (the target is then left as it was)
         */
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param file   the target
     * @param text   its content
     * @param option the flag that named the file, for the message
     */
    static void write(Path file, String text, String option) {
        write(file, option, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /**
     * @param file    the target
     * @param option  the flag that named the file, for the message
     * @param content writes the content
     */
    static void write(Path file, String option, Content content) {
        Path temporary = null;
        try {
            if (Files.isDirectory(file)) {
                throw new SplitInferException("cannot write '" + file + "' (it is a directory); give " + option
                        + " the path of a file");
            }
            Path absolute = file.toAbsolutePath();
            Path folder = absolute.getParent();
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            content.writeTo(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | InvalidPathException | SecurityException e) {
            deleteQuietly(temporary);
            throw new SplitInferException("cannot write '" + file + "' (" + reason(e) + "); give " + option
                    + " a path in a writable directory", e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the write already failed; that is the problem to report
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        // the system's words when it gave some, never an exception's class name
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input or output error" : message.strip();
    }
}
