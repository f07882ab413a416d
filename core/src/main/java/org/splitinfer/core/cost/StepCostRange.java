package org.splitinfer.core.cost;

/**
 * The inputs a {@link StepCostTable} covers. Steps outside it are not tabulated: the table's lookups reject them,
 * and a caller that may meet them asks {@link StepCostTable#coversDecode} or {@link StepCostTable#coversPrefill}
 * first and prices those with {@link StepCoster} directly.
 *
 * @param maxBatch              decode sequences per step, {@code 1..maxBatch}; {@code >= 1}
 * @param maxContextTokens      decode context per sequence (tokens already in its KV cache), {@code 0..}; {@code >= 0}
 * @param maxChunkTokens        prefill tokens of one sequence per step (a whole prompt or a chunk of one),
 *                              {@code 1..}; {@code >= 1}
 * @param maxPriorContextTokens prefill context the chunk follows (earlier chunks, a cached prefix), {@code 0..};
 *                              {@code >= 0}
 * @since 0.1
 */
public record StepCostRange(int maxBatch, long maxContextTokens, int maxChunkTokens, long maxPriorContextTokens) {
    /** Validates the bounds. */
    public StepCostRange {
        if (maxBatch < 1 || maxChunkTokens < 1) {
            throw new IllegalArgumentException("maxBatch and maxChunkTokens must be >= 1, got " + maxBatch + " and "
                    + maxChunkTokens);
        }
        if (maxContextTokens < 0 || maxPriorContextTokens < 0) {
            throw new IllegalArgumentException("maxContextTokens and maxPriorContextTokens must be >= 0, got "
                    + maxContextTokens + " and " + maxPriorContextTokens);
        }
    }
}
