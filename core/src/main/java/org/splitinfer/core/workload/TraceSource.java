package org.splitinfer.core.workload;

import java.io.InputStream;
import java.nio.file.Path;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;

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
        // a regular file (not a pipe that would block, nor a device that never ends) of at most the trace limit
        return InputFiles.open(file, "trace file", Limits.MAX_TRACE_FILE_BYTES, WorkloadException::new);
    }

    @Override
    public String toString() {
        return name;
    }
}
