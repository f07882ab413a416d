package org.splitinfer.core.estimate;

import java.util.List;
import java.util.OptionalInt;

/**
 * What is asked of a deployment: requests of fixed prompt and answer lengths, either a closed loop of a number of
 * requests in flight or an offline backlog batched as large as memory allows. Build one with
 * {@link #closedLoop} or {@link #offline}.
 *
 * @param inputTokens  prompt tokens per request, {@code >= 1}
 * @param outputTokens generated tokens per request, {@code >= 1}
 * @param concurrency  requests in flight in the whole system (a closed loop), {@code >= 1}; empty for an offline
 *                     backlog
 * @since 0.1
 */
public record Workload(long inputTokens, long outputTokens, OptionalInt concurrency) {

    /** Validates the counts; messages name the fields {@code workload.*}. */
    public Workload {
        if (inputTokens < 1 || outputTokens < 1) {
            throw new EstimateException("workload.inputTokens and workload.outputTokens must be at least 1 token, got "
                    + inputTokens + " and " + outputTokens, List.of("workload.inputTokens", "workload.outputTokens"));
        }
        if (concurrency == null) {
            throw new IllegalArgumentException("concurrency must not be null; use Workload.offline for a backlog");
        }
        if (concurrency.isPresent() && concurrency.getAsInt() < 1) {
            throw new EstimateException("workload.concurrency must be at least 1 request in flight, got "
                    + concurrency.getAsInt(), List.of("workload.concurrency"));
        }
    }

    /**
     * A closed loop: {@code concurrency} requests in flight, each replaced by a new one when it completes.
     *
     * @param inputTokens  prompt tokens per request, {@code >= 1}
     * @param outputTokens generated tokens per request, {@code >= 1}
     * @param concurrency  requests in flight, {@code >= 1}
     * @return the workload
     */
    public static Workload closedLoop(long inputTokens, long outputTokens, int concurrency) {
        return new Workload(inputTokens, outputTokens, OptionalInt.of(concurrency));
    }

    /**
     * An unlimited backlog, batched as large as memory allows.
     *
     * @param inputTokens  prompt tokens per request, {@code >= 1}
     * @param outputTokens generated tokens per request, {@code >= 1}
     * @return the workload
     */
    public static Workload offline(long inputTokens, long outputTokens) {
        return new Workload(inputTokens, outputTokens, OptionalInt.empty());
    }

    /** @return whether the backlog is unlimited */
    public boolean offline() {
        return concurrency.isEmpty();
    }

    /** @return tokens one sequence holds at the end of its generation */
    public long finalContextTokens() {
        return inputTokens + outputTokens;
    }

    /** @return the mean context over the decode of one request: {@code input + output / 2} */
    public long meanDecodeContextTokens() {
        return inputTokens + outputTokens / 2;
    }
}
