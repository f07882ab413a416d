package org.splitinfer.core.model;

/**
 * The attention block of one layer: either grouped-query attention (which covers multi-head and
 * multi-query attention) or DeepSeek's multi-head latent attention.
 *
 * @since 0.1
 */
public sealed interface AttentionSpec permits GroupedQueryAttention, LatentAttention {

    /** @return query heads of the layer, {@code >= 1} */
    int queryHeads();

    /**
     * Parameters of one layer's attention block, biases, sinks and internal norms included.
     *
     * @param hiddenSize the model's hidden size
     * @return parameters
     */
    long parameters(int hiddenSize);

    /**
     * Elements one token adds to one layer's KV cache: {@code 2 × kvHeads × headDim} for grouped-query
     * attention, {@code kvLoraRank + qkRopeHeadDim} for latent attention (the compressed latent and the
     * shared rotary key are cached; keys and values are re-expanded from them).
     *
     * @return elements per token per layer
     */
    long kvElementsPerToken();

    /**
     * Whether the KV cache is split between tensor-parallel chips. Grouped-query KV heads are; the latent of
     * multi-head latent attention is shared by every head, so each chip holds all of it.
     *
     * @return true when tensor parallelism divides the KV cache
     */
    boolean kvCacheSplitByTensorParallel();
}
