package org.splitinfer.core.model;

/**
 * Multi-head latent attention (DeepSeek-V2, arXiv:2405.04434, section 2.1; DeepSeek-V3, arXiv:2412.19437,
 * section 2.1.1). Keys and values are compressed into a latent of {@code kvLoraRank} elements plus one
 * rotary key of {@code qkRopeHeadDim} shared by all heads; only those are cached. Queries are optionally
 * compressed through a rank-{@code qLoraRank} bottleneck.
 *
 * <p>Parameters of one layer, with {@code H} heads and hidden size {@code d}:
 * <ul>
 *   <li>query: {@code d × qLoraRank + qLoraRank + qLoraRank × H × (qkNope + qkRope)} (down projection, its
 *       RMS norm, up projection), or {@code d × H × (qkNope + qkRope)} when {@code qLoraRank == 0};</li>
 *   <li>key/value: {@code d × (kvLoraRank + qkRope) + kvLoraRank + kvLoraRank × H × (qkNope + vHead)}
 *       (joint down projection with the rotary key, its RMS norm, up projection);</li>
 *   <li>output: {@code H × vHead × d}.</li>
 * </ul>
 *
 * @param queryHeads    heads, {@code >= 1}
 * @param qLoraRank     query compression rank, {@code >= 0} (0: no query compression)
 * @param kvLoraRank    key/value latent rank, {@code >= 1}
 * @param qkNopeHeadDim per-head query/key dimension without rotary embedding, {@code >= 1}
 * @param qkRopeHeadDim per-head query/key dimension with rotary embedding, {@code >= 1}
 * @param vHeadDim      per-head value dimension, {@code >= 1}
 * @since 0.1
 */
public record LatentAttention(int queryHeads, int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim,
                              int vHeadDim) implements AttentionSpec {

    /** Validates the fields. */
    public LatentAttention {
        Checks.between("attention query_heads", queryHeads, 1, Checks.MAX_HEADS);
        Checks.between("attention q_lora_rank", qLoraRank, 0, Checks.MAX_RANK);
        Checks.between("attention kv_lora_rank", kvLoraRank, 1, Checks.MAX_RANK);
        Checks.between("attention qk_nope_head_dim", qkNopeHeadDim, 1, Checks.MAX_HEAD_DIM);
        Checks.between("attention qk_rope_head_dim", qkRopeHeadDim, 1, Checks.MAX_HEAD_DIM);
        Checks.between("attention v_head_dim", vHeadDim, 1, Checks.MAX_HEAD_DIM);
    }

    /** @return per-head query/key dimension: {@code qkNopeHeadDim + qkRopeHeadDim} */
    public int qkHeadDim() {
        return qkNopeHeadDim + qkRopeHeadDim;
    }

    @Override
    public long parameters(int hiddenSize) {
        long heads = queryHeads;
        long query = qLoraRank == 0
                ? hiddenSize * heads * qkHeadDim()
                : (long) hiddenSize * qLoraRank + qLoraRank + qLoraRank * heads * qkHeadDim();
        long keyValue = (long) hiddenSize * (kvLoraRank + qkRopeHeadDim) + kvLoraRank
                + kvLoraRank * heads * (qkNopeHeadDim + vHeadDim);
        long output = heads * vHeadDim * hiddenSize;
        return query + keyValue + output;
    }

    @Override
    public long kvElementsPerToken() {
        return (long) kvLoraRank + qkRopeHeadDim;
    }

    @Override
    public boolean kvCacheSplitByTensorParallel() {
        return false;
    }
}
