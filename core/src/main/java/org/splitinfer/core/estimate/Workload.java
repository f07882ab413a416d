package org.splitinfer.core.estimate;

import java.util.List;
import java.util.OptionalInt;
import org.splitinfer.core.input.Limits;

/**
 * What is asked of a deployment: requests of fixed prompt and answer lengths, either a closed loop of a number of
 * requests in flight or an offline backlog batched as large as memory allows. Build one with
 * {@link #closedLoop} or {@link #offline}.
 *
 * <p>A request's prompt and answer together must fit the model's context window
 * ({@link org.splitinfer.core.model.ModelSpec#contextWindowTokens()}), which {@link Estimator#estimate} checks,
 * unless the workload allows long context ({@link #allowingLongContext()}: for a model whose window a serving stack
 * extends, or to see what a longer context would cost). Counts are bounded by {@link Limits}: tokens at most
 * {@link Limits#MAX_TOKENS}, requests in flight at most {@link Limits#MAX_SEQUENCES}.
 *
 * @param inputTokens      prompt tokens per request, {@code 1..Limits.MAX_TOKENS}
 * @param outputTokens     generated tokens per request, {@code 1..Limits.MAX_TOKENS}
 * @param concurrency      requests in flight in the whole system (a closed loop), {@code 1..Limits.MAX_SEQUENCES};
 *                         empty for an offline backlog
 * @param allowLongContext whether a request may hold more tokens than the model's context window
 * @since 0.1
 */
public record Workload(long inputTokens, long outputTokens, OptionalInt concurrency, boolean allowLongContext) {

    /** Validates the counts; messages name the fields {@code workload.*}. */
    public Workload {
        if (!Limits.within(inputTokens, 1, Limits.MAX_TOKENS) || !Limits.within(outputTokens, 1, Limits.MAX_TOKENS)) {
            throw new EstimateException("workload.inputTokens and workload.outputTokens must each be from 1 to "
                    + Limits.count(Limits.MAX_TOKENS) + " tokens, got " + inputTokens + " and " + outputTokens,
                    List.of("workload.inputTokens", "workload.outputTokens"));
        }
        if (inputTokens + outputTokens > Limits.MAX_TOKENS) {
            throw new EstimateException("workload.inputTokens + workload.outputTokens = "
                    + Limits.count(inputTokens + outputTokens) + " tokens, more than the "
                    + Limits.count(Limits.MAX_TOKENS) + " SplitInfer models in one request",
                    List.of("workload.inputTokens", "workload.outputTokens"));
        }
        if (concurrency == null) {
            throw new IllegalArgumentException("concurrency must not be null; use Workload.offline for a backlog");
        }
        if (concurrency.isPresent() && !Limits.within(concurrency.getAsInt(), 1, Limits.MAX_SEQUENCES)) {
            throw new EstimateException(Limits.outOfRange("workload.concurrency", concurrency.getAsInt(), 1,
                    Limits.MAX_SEQUENCES) + " requests in flight", List.of("workload.concurrency"));
        }
    }

    /**
     * A workload held to the model's context window.
     *
     * @param inputTokens  prompt tokens per request
     * @param outputTokens generated tokens per request
     * @param concurrency  requests in flight, or empty for an offline backlog
     */
    public Workload(long inputTokens, long outputTokens, OptionalInt concurrency) {
        this(inputTokens, outputTokens, concurrency, false);
    }

    /** @return a copy whose requests may be longer than the model's context window */
    public Workload allowingLongContext() {
        return new Workload(inputTokens, outputTokens, concurrency, true);
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
