package org.splitinfer.core.workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a trace's bytes come from: a file, or a resource on the class path (read as a stream, so a built-in trace
 * works from inside a jar). Opened afresh for each pass over the trace.
 */
final class TraceSource {
    private final String name;
    private final Path file;
    private final String resource;

    private TraceSource(String name, Path file, String resource) {
        this.name = name;
        this.file = file;
        this.resource = resource;
    }

    /**
     * @param file a trace file
     * @return the source; messages name the file as given
     */
    static TraceSource file(Path file) {
        return new TraceSource(file.toString(), file, null);
    }

    /**
     * @param resource an absolute class-path resource name, e.g. {@code /org/splitinfer/.../trace.csv}
     * @return the source; messages name the resource's file name
     */
    static TraceSource resource(String resource) {
        return new TraceSource(resource.substring(resource.lastIndexOf('/') + 1), null, resource);
    }

    /** @return what messages call this trace: the path as given, or a built-in trace's file name */
    String name() {
        return name;
    }

    /**
     * @return the trace's bytes, from the start; the caller closes the stream
     * @throws WorkloadException when the file is missing or unreadable
     */
    InputStream open() {
        if (resource != null) {
            InputStream input = TraceSource.class.getResourceAsStream(resource);
            if (input == null) {
                throw new WorkloadException("the built-in trace " + resource + " is missing from the class path; "
                        + "the splitinfer-core jar is incomplete, so reinstall it");
            }
            return input;
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new WorkloadException("trace file '" + name + "' does not exist; check the path", e);
        } catch (AccessDeniedException e) {
            throw new WorkloadException("trace file '" + name + "' cannot be read (permission denied); check its "
                    + "permissions", e);
        } catch (IOException e) {
            throw new WorkloadException("trace file '" + name + "' cannot be opened (" + e.getMessage() + "); check "
                    + "that it is a readable file", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
