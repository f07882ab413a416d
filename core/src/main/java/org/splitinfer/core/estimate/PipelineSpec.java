package org.splitinfer.core.estimate;

/**
 * How a deployment serves requests: {@link Split} (prefill pool, KV link, decode pool) or {@link Colocated} (one
 * pool runs both phases with continuous batching and chunked prefill). The "unified platform" is a colocated
 * pipeline on one general-purpose chip.
 */
public sealed interface PipelineSpec permits PipelineSpec.Split, PipelineSpec.Colocated {

    /**
     * Disaggregated serving.
     *
     * @param prefill        the pool that runs prompts
     * @param decode         the pool that generates tokens
     * @param link           id of the KV link type (see {@link LinkCatalog}), or null for the catalog's default
     * @param layerStreaming whether the KV cache streams layer by layer, overlapping the transfer with prefill
     */
    record Split(PoolSpec prefill, PoolSpec decode, String link, boolean layerStreaming) implements PipelineSpec {
        /** Checks the pools are present. */
        public Split {
            if (prefill == null || decode == null) {
                throw new EstimateException("a split pipeline needs both --prefill HW:N and --decode HW:N");
            }
        }
    }

    /**
     * Both phases on one pool.
     *
     * @param pool the pool
     */
    record Colocated(PoolSpec pool) implements PipelineSpec {
        /** Checks the pool is present. */
        public Colocated {
            if (pool == null) {
                throw new EstimateException("a colocated pipeline needs --hardware HW:N");
            }
        }
    }
}
