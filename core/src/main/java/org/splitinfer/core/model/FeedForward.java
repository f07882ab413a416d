package org.splitinfer.core.model;

/**
 * A feed-forward block: a dense MLP, one routed expert or one shared expert.
 *
 * <p>Gated (SwiGLU/GeGLU; Shazeer, "GLU Variants Improve Transformer", 2020): three matrices, gate and up
 * {@code hidden × intermediate} and down {@code intermediate × hidden}: {@code 3 × hidden × intermediate}
 * parameters, plus {@code 2 × intermediate + hidden} biases where present (gpt-oss experts). Ungated (GELU;
 * GPT-3, BLOOM): two matrices, {@code 2 × hidden × intermediate}, plus {@code intermediate + hidden} biases.
 *
 * @param gated            whether the block has a gate matrix (three matrices) or not (two)
 * @param intermediateSize inner width, {@code >= 1}
 * @param bias             whether the matrices carry biases
 * @since 0.1
 */
public record FeedForward(boolean gated, int intermediateSize, boolean bias) {

    /** Validates the fields. */
    public FeedForward {
        Checks.between("intermediate_size", intermediateSize, 1, Checks.MAX_INTERMEDIATE);
    }

    /**
     * A gated block without biases, as in Llama, Mixtral, Qwen and DeepSeek.
     *
     * @param intermediateSize inner width
     * @return the block
     */
    public static FeedForward gated(int intermediateSize) {
        return new FeedForward(true, intermediateSize, false);
    }

    /** @return weight matrices: 3 when gated, 2 otherwise */
    public int matrices() {
        return gated ? 3 : 2;
    }

    /**
     * Parameters of the block, or of one tensor-parallel shard of it.
     *
     * @param hiddenSize the model's hidden size
     * @param shards     ways the intermediate dimension is split (1: whole); the down bias is replicated
     * @return parameters of one shard, using {@code ceil(intermediate / shards)} columns
     */
    public long parameters(int hiddenSize, int shards) {
        long inner = ceilDiv(intermediateSize, shards);
        long total = matrices() * hiddenSize * inner;
        if (bias) {
            total += (matrices() - 1) * inner + hiddenSize;
        }
        return total;
    }

    /**
     * Parameters of the gate and up projections (FF1, FF3), or of one tensor-parallel shard of them.
     *
     * @param hiddenSize the model's hidden size
     * @param shards     ways the intermediate dimension is split (1: whole)
     * @return parameters of one shard
     * @since 0.2
     */
    public long upParameters(int hiddenSize, int shards) {
        long inner = ceilDiv(intermediateSize, shards);
        return (matrices() - 1) * (hiddenSize * inner + (bias ? inner : 0));
    }

    /**
     * Parameters of the down projection (FF2), or of one tensor-parallel shard of it.
     *
     * @param hiddenSize the model's hidden size
     * @param shards     ways the intermediate dimension is split (1: whole); the bias is replicated
     * @return parameters of one shard
     * @since 0.2
     */
    public long downParameters(int hiddenSize, int shards) {
        return hiddenSize * ceilDiv(intermediateSize, shards) + (bias ? hiddenSize : 0);
    }

    /**
     * Parameters of the whole block.
     *
     * @param hiddenSize the model's hidden size
     * @return parameters
     */
    public long parameters(int hiddenSize) {
        return parameters(hiddenSize, 1);
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
