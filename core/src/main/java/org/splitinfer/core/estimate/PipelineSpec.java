package org.splitinfer.core.estimate;

import java.util.List;
import org.splitinfer.core.input.Limits;

/**
 * How a deployment serves requests: {@link Split} (prefill pool, KV link, decode pool) or {@link Colocated} (one
 * pool runs both phases with continuous batching and chunked prefill). The "unified platform" is a colocated
 * pipeline on one general-purpose chip. A deployment holds at most {@link Limits#MAX_CHIPS} chips in all (checked
 * here when the counts are given, by the estimator once {@code auto} pools are sized).
 *
 * @since 0.1
 */
public sealed interface PipelineSpec permits PipelineSpec.Split, PipelineSpec.Colocated {

    /**
     * A split pipeline over the default KV link, without layer streaming.
     *
     * @param prefill the pool that runs prompts
     * @param decode  the pool that generates tokens
     * @return the pipeline
     */
    static Split split(PoolSpec prefill, PoolSpec decode) {
        return new Split(prefill, decode, null, false);
    }

    /**
     * One pool running both phases.
     *
     * @param pool the pool
     * @return the pipeline
     */
    static Colocated colocated(PoolSpec pool) {
        return new Colocated(pool);
    }

    /**
     * A copy whose decoding pool (the decode pool of a split pipeline, the one pool of a colocated one) decodes
     * speculatively.
     *
     * @param speculative how, or null for plain decoding
     * @return the copy
     */
    default PipelineSpec withSpeculative(SpeculativeDecoding speculative) {
        if (this instanceof Split split) {
            return new Split(split.prefill(), split.decode().withSpeculative(speculative), split.link(),
                    split.layerStreaming());
        }
        return new Colocated(((Colocated) this).pool().withSpeculative(speculative));
    }

    /** @return whether a pool of the pipeline decodes speculatively */
    default boolean speculative() {
        if (this instanceof Split split) {
            return split.prefill().speculative() != null || split.decode().speculative() != null;
        }
        return ((Colocated) this).pool().speculative() != null;
    }

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
                throw new EstimateException("a split pipeline needs both a prefill and a decode pool",
                        List.of("prefill", "decode"));
            }
            if (prefill.totalChips().isPresent() && decode.totalChips().isPresent()) {
                long chips = (long) prefill.totalChips().getAsInt() + decode.totalChips().getAsInt();
                if (chips > Limits.MAX_CHIPS) {
                    throw new EstimateException("the deployment has " + Limits.count(chips) + " chips"
                            + " (prefill.chips × prefill.instances + decode.chips × decode.instances), more than the "
                            + Limits.count(Limits.MAX_CHIPS) + " SplitInfer models in a deployment; use fewer"
                            + " instances or chips", List.of("prefill.chips", "prefill.instances", "decode.chips",
                            "decode.instances"));
                }
            }
        }

        /**
         * @param instances prefill instances, {@code >= 1}
         * @return a copy with that many prefill instances
         */
        public Split withPrefillInstances(int instances) {
            return new Split(prefill.withInstances(instances), decode, link, layerStreaming);
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
                throw new EstimateException("a colocated pipeline needs its pool", List.of("colocated"));
            }
        }
    }
}
