package org.splitinfer.core.workload;

/**
 * The requests of one run, in arrival order, one at a time: a trace is read as it is replayed and a synthetic
 * process draws as it goes, so nothing holds the whole workload in memory. Not thread-safe: one stream per run.
 *
 * <pre>{@code
 * try (RequestStream requests = workload.open(seed)) {
 *     while (requests.advance()) {
 *         long at = requests.arrivalNanos();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface RequestStream extends AutoCloseable {

    /**
     * Moves to the next request.
     *
     * @return false when the workload has no more requests (a finite trace without replay, a backlog's end)
     * @throws WorkloadException when the next record is bad and bad records are not skipped (naming file and line)
     */
    boolean advance();

    /** @return the current request's arrival, nanoseconds from the start of the run; never decreases */
    long arrivalNanos();

    /** @return the current request's prompt tokens, {@code >= 1} */
    int inputTokens();

    /** @return the current request's output tokens, {@code >= 1} */
    int outputTokens();

    /** Releases the file a trace is read from; no checked exception. */
    @Override
    void close();
}
