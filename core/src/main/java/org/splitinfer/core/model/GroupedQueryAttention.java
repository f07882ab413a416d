package org.splitinfer.core.model;

/**
 * Grouped-query attention (Ainslie et al., 2023): {@code queryHeads} query heads share {@code kvHeads}
 * key/value heads. Multi-head attention is {@code kvHeads == queryHeads}; multi-query attention is
 * {@code kvHeads == 1}.
 *
 * <p>Parameters of one layer: {@code hidden × (queryHeads + 2 × kvHeads) × headDim} for the Q, K and V
 * projections, {@code queryHeads × headDim × hidden} for the output projection, plus
 * {@code (queryHeads + 2 × kvHeads) × headDim} when Q/K/V carry biases (Qwen2, BLOOM, GPT-3, gpt-oss),
 * {@code hidden} when the output projection does (BLOOM, GPT-3, gpt-oss), {@code 2 × headDim} for the
 * per-head RMS norms of queries and keys (Qwen3), and {@code queryHeads} for learned attention sinks
 * (gpt-oss: one logit per head).
 *
 * @param queryHeads query heads, {@code >= 1}
 * @param kvHeads    key/value heads, {@code >= 1}, dividing {@code queryHeads}
 * @param headDim    dimension per head, {@code >= 1}
 * @param qkvBias    whether the Q, K and V projections have biases
 * @param outputBias whether the output projection has a bias
 * @param qkNorm     whether queries and keys pass through a per-head RMS norm
 * @param sinks      whether each head has a learned attention-sink logit
 * @since 0.1
 */
public record GroupedQueryAttention(int queryHeads, int kvHeads, int headDim, boolean qkvBias, boolean outputBias,
                                    boolean qkNorm, boolean sinks) implements AttentionSpec {

    /** Validates the fields. */
    public GroupedQueryAttention {
        Checks.between("attention query_heads", queryHeads, 1, Checks.MAX_HEADS);
        Checks.between("attention kv_heads", kvHeads, 1, Checks.MAX_HEADS);
        Checks.between("attention head_dim", headDim, 1, Checks.MAX_HEAD_DIM);
        if (queryHeads % kvHeads != 0) {
            throw new IllegalArgumentException("attention query_heads " + queryHeads
                    + " must be a multiple of kv_heads " + kvHeads);
        }
    }

    /**
     * Plain attention without biases, norms or sinks.
     *
     * @param queryHeads query heads
     * @param kvHeads    key/value heads
     * @param headDim    dimension per head
     * @return the attention
     */
    public static GroupedQueryAttention of(int queryHeads, int kvHeads, int headDim) {
        return new GroupedQueryAttention(queryHeads, kvHeads, headDim, false, false, false, false);
    }

    @Override
    public long parameters(int hiddenSize) {
        long qkvWidth = (long) (queryHeads + 2 * kvHeads) * headDim;
        long total = hiddenSize * qkvWidth + (long) queryHeads * headDim * hiddenSize;
        if (qkvBias) {
            total += qkvWidth;
        }
        if (outputBias) {
            total += hiddenSize;
        }
        if (qkNorm) {
            total += 2L * headDim;
        }
        if (sinks) {
            total += queryHeads;
        }
        return total;
    }

    @Override
    public long kvElementsPerToken() {
        return 2L * kvHeads * headDim;
    }

    @Override
    public boolean kvCacheSplitByTensorParallel() {
        return true;
    }
}
