package org.splitinfer.core.sim;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * How instances schedule their work.
 *
 * @param router      how requests are spread over instances
 * @param chunkTokens prompt tokens one prefill step takes at most (the chunked-prefill token budget), {@code >= 1}
 * @param maxBatch    sequences one decode step runs at most, {@code >= 1} (also bounded by KV-cache capacity)
 * @param sizingConcurrency requests in flight that {@code auto} pools are sized for, {@code >= 1}
 * @since 0.1
 */
public record SchedulerSettings(RouterPolicy router, int chunkTokens, int maxBatch, int sizingConcurrency) {
    /**
     * Least outstanding tokens; 8,192-token prefill steps (vLLM's {@code max_num_batched_tokens} for a dedicated
     * prefill engine); at most 256 sequences per decode step (vLLM's {@code max_num_seqs}); {@code auto} pools sized
     * for 32 requests in flight, as {@code compare} sizes them.
     */
    public static final SchedulerSettings DEFAULT = new SchedulerSettings(RouterPolicy.LEAST_OUTSTANDING_TOKENS, 8192,
            256, 32);

    /** Validates the counts; messages name the fields {@code scheduler.*}. */
    public SchedulerSettings {
        if (router == null) {
            throw new IllegalArgumentException("router must not be null");
        }
        if (chunkTokens < 1 || maxBatch < 1 || sizingConcurrency < 1) {
            throw new SplitInferException("scheduler.chunkTokens, scheduler.maxBatch and scheduler.sizingConcurrency"
                    + " must be at least 1, got " + chunkTokens + ", " + maxBatch + " and " + sizingConcurrency, null,
                    List.of("scheduler.chunkTokens", "scheduler.maxBatch", "scheduler.sizingConcurrency"));
        }
    }

    /**
     * @param newRouter the router
     * @return a copy with that router
     */
    public SchedulerSettings withRouter(RouterPolicy newRouter) {
        return new SchedulerSettings(newRouter, chunkTokens, maxBatch, sizingConcurrency);
    }

    /**
     * @param tokens the chunked-prefill budget
     * @return a copy with that budget
     */
    public SchedulerSettings withChunkTokens(int tokens) {
        return new SchedulerSettings(router, tokens, maxBatch, sizingConcurrency);
    }

    /**
     * @param requests requests in flight that {@code auto} pools are sized for
     * @return a copy sizing for that many
     */
    public SchedulerSettings withSizingConcurrency(int requests) {
        return new SchedulerSettings(router, chunkTokens, maxBatch, requests);
    }

    /**
     * @param sequences the decode batch cap
     * @return a copy with that cap
     */
    public SchedulerSettings withMaxBatch(int sequences) {
        return new SchedulerSettings(router, chunkTokens, sequences, sizingConcurrency);
    }
}
