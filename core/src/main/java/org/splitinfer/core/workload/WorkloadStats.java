package org.splitinfer.core.workload;

/**
 * What a workload asks of a deployment on average and at most: what the simulator sizes its step-cost tables and
 * pools by.
 *
 * @param meanInputTokens  mean prompt tokens per request
 * @param meanOutputTokens mean output tokens per request
 * @param maxInputTokens   the longest prompt it can produce
 * @param maxOutputTokens  the longest answer it can produce
 * @since 0.1
 */
public record WorkloadStats(double meanInputTokens, double meanOutputTokens, int maxInputTokens,
                            int maxOutputTokens) {
}
