package org.splitinfer.core.workload;

import java.util.List;

/**
 * Every request has the same prompt and answer lengths.
 *
 * @param inputTokens  prompt tokens, {@code >= 1}
 * @param outputTokens output tokens, {@code >= 1}
 * @since 0.1
 */
public record FixedLengths(int inputTokens, int outputTokens) implements LengthDistribution {

    /** Checks both lengths; the message names the fields {@code workload.*}. */
    public FixedLengths {
        if (inputTokens < 1 || outputTokens < 1) {
            throw new WorkloadException("workload.inputTokens and workload.outputTokens must be at least 1 token, got "
                    + inputTokens + " and " + outputTokens + "; give lengths of 1 token or more",
                    List.of("workload.inputTokens", "workload.outputTokens"));
        }
    }

    @Override
    public WorkloadStats stats() {
        return new WorkloadStats(inputTokens, outputTokens, inputTokens, outputTokens);
    }
}
