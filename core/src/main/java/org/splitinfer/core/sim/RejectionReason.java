package org.splitinfer.core.sim;

/**
 * Why a request was turned away rather than served.
 *
 * @since 0.1
 */
public enum RejectionReason {
    /** Its prompt and answer together need more KV cache than one instance of the pool that decodes it holds. */
    KV_CACHE_TOO_SMALL
}
