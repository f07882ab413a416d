package org.splitinfer.core.estimate;

/**
 * What the estimator's layout search minimised for a pool.
 *
 * @since 0.1
 */
public enum LayoutGoal {
    /** One prompt's prefill latency (a prefill pool). */
    PROMPT_LATENCY,
    /** The time per output token at the pool's operating batch (a decode or colocated pool). */
    TIME_PER_OUTPUT_TOKEN
}
