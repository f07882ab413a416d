package org.splitinfer.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Flags that name files, checked when the line is parsed, before any work: a file read must be a regular file that
 * exists (not a folder, a device such as {@code /dev/zero} or a named pipe, which would never end), and a file
 * written must be in a folder that exists and must not be a folder itself, so that a command never computes for
 * minutes and then fails to write, or prints half its output before refusing.
 */
final class PathFlags {
    private PathFlags() {
    }

    /**
     * @param value what was typed
     * @return it as a path
     * @throws TypeConversionException when it is empty or holds a character no path can
     */
    static Path path(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("must be a path, got '" + value + "'");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("must be a path, got '" + value + "', which holds a character no path"
                    + " can");
        }
    }

    /**
     * @param file a path that a flag names as a file to read
     * @return why it cannot be read as one, or null when it can
     */
    static String unreadable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a folder";
        }
        if (!Files.exists(file)) {
            return "does not exist";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a regular file (a device or a pipe)";
        }
        return Files.isReadable(file) ? null : "cannot be read (permission denied)";
    }

    /** Any path: not empty, no character a path cannot hold. */
    static final class AnyPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return path(value);
        }
    }

    /** A file to read: a regular file that exists and can be read. */
    static final class InputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = path(value);
            String problem = unreadable(file);
            if (problem != null) {
                throw new TypeConversionException("must name a file to read, got '" + value + "', which " + problem);
            }
            return file;
        }
    }

    /** A file to write: not a folder, in a folder that exists. */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = path(value);
            Path folder = file.toAbsolutePath().getParent();
            if (Files.isDirectory(file)) {
                throw new TypeConversionException("must name a file to write, got '" + value + "', which is a"
                        + " folder");
            }
            if (folder == null || !Files.isDirectory(folder)) {
                throw new TypeConversionException("must name a file in a folder that exists, got '" + value + "'");
            }
            return file;
        }
    }
}
