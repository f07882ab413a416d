package org.splitinfer.core.model;

/**
 * The groups of checkpoint tensors a {@link ModelPrecision} may store at different precisions, and that
 * {@link ModelSpec#parameters(TensorGroup)} counts. Every parameter belongs to exactly one group.
 *
 * @since 0.1
 */
public enum TensorGroup {
    /** The token embedding table, a learned position table where the model has one, and BLOOM's embedding norm. */
    EMBEDDING,
    /** Attention projections, their biases, per-head sinks, query/key norms and MLA's latent norms. */
    ATTENTION,
    /** The feed-forward blocks of dense layers. */
    DENSE_MLP,
    /** The router (gate) of mixture-of-experts layers, with its bias or score-correction vector. */
    ROUTER,
    /** The routed experts of mixture-of-experts layers. */
    ROUTED_EXPERTS,
    /** The always-active shared experts of mixture-of-experts layers. */
    SHARED_EXPERTS,
    /** The per-layer norms and the final norm. */
    NORMS,
    /** The output projection to the vocabulary; empty when it is tied to the embedding. */
    LM_HEAD
}
