package org.splitinfer.core.sim;

/**
 * What limited a run: the resource it used the largest share of.
 *
 * @since 0.1
 */
public enum Bottleneck {
    /** The prefill pool's instances were busiest. */
    PREFILL_POOL,
    /** The decode pool's batches were fullest (mean batch over the batch cap). */
    DECODE_POOL,
    /** The colocated pool's instances were busiest. */
    COLOCATED_POOL,
    /** The decode (or colocated) pool's KV cache was fuller than any pool was busy. */
    KV_CACHE,
    /** A KV link between the pools was busier than any pool. */
    KV_LINK
}
