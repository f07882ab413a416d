package org.splitinfer.core.sim;

/**
 * Why a request was turned away rather than served.
 *
 * @since 0.1
 */
public enum RejectionReason {
    /** Its prompt and answer together need more KV cache than one instance of the pool that decodes it holds. */
    KV_CACHE_TOO_SMALL,
    /**
     * Its prompt and answer together exceed the model's context window, which a server refuses (vLLM's
     * {@code max_model_len}); {@link SimulationSpec#allowingLongContext()} serves such requests instead.
     */
    CONTEXT_WINDOW_EXCEEDED
}
