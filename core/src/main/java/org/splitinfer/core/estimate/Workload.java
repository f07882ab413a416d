package org.splitinfer.core.estimate;

/**
 * What is asked of a deployment.
 *
 * @param inputTokens  prompt tokens per request, {@code >= 1}
 * @param outputTokens generated tokens per request, {@code >= 1}
 * @param concurrency  requests in flight in the whole system (a closed loop), or {@link #OFFLINE} for an unlimited
 *                     backlog batched as large as memory allows
 */
public record Workload(long inputTokens, long outputTokens, int concurrency) {
    /** An unlimited backlog. */
    public static final int OFFLINE = 0;

    /** Validates the counts. */
    public Workload {
        if (inputTokens < 1 || outputTokens < 1) {
            throw new EstimateException("--input and --output must be at least 1 token, got " + inputTokens + " and "
                    + outputTokens);
        }
        if (concurrency < 0) {
            throw new EstimateException("--concurrency must be at least 1 (or use --offline), got " + concurrency);
        }
    }

    /** @return whether the backlog is unlimited */
    public boolean offline() {
        return concurrency == OFFLINE;
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
