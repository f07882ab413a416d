package org.splitinfer.core.model;

/**
 * The groups of checkpoint tensors a {@link ModelPrecision} may store at different precisions, and that
 * {@link ModelSpec#parameters(TensorGroup)} counts. Every parameter belongs to exactly one group.
 *
 * <p>A feed-forward block's down projection is a group of its own ({@link #DENSE_MLP_DOWN},
 * {@link #ROUTED_EXPERTS_DOWN}, {@link #SHARED_EXPERTS_DOWN}) that takes its block's format unless a precision
 * names one for it ({@link #fallback()}): implementations store the down projection wider than the gate and up
 * projections (tt-metal's performance mode: FF1 and FF3 in BFP4, FF2 in BFP8).
 *
 * @since 0.1
 */
public enum TensorGroup {
    /** The token embedding table, a learned position table where the model has one, and BLOOM's embedding norm. */
    EMBEDDING,
    /** Attention projections, their biases, per-head sinks, query/key norms and MLA's latent norms. */
    ATTENTION,
    /** The gate and up projections (FF1, FF3) of the feed-forward blocks of dense layers, with their biases. */
    DENSE_MLP,
    /** The down projections (FF2) of the feed-forward blocks of dense layers, with their biases. */
    DENSE_MLP_DOWN,
    /** The router (gate) of mixture-of-experts layers, with its bias or score-correction vector. */
    ROUTER,
    /** The gate and up projections of the routed experts of mixture-of-experts layers. */
    ROUTED_EXPERTS,
    /** The down projections of the routed experts. */
    ROUTED_EXPERTS_DOWN,
    /** The gate and up projections of the always-active shared experts of mixture-of-experts layers. */
    SHARED_EXPERTS,
    /** The down projections of the shared experts. */
    SHARED_EXPERTS_DOWN,
    /** The per-layer norms and the final norm. */
    NORMS,
    /** The output projection to the vocabulary; empty when it is tied to the embedding. */
    LM_HEAD;

    /**
     * The group whose format this one takes when a precision names none for it.
     *
     * @return the block a down projection belongs to; null for every other group (it takes the default weight
     *         format)
     * @since 0.2
     */
    public TensorGroup fallback() {
        return switch (this) {
            case DENSE_MLP_DOWN -> DENSE_MLP;
            case ROUTED_EXPERTS_DOWN -> ROUTED_EXPERTS;
            case SHARED_EXPERTS_DOWN -> SHARED_EXPERTS;
            default -> null;
        };
    }
}
