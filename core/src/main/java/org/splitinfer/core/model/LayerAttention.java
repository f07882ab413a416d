package org.splitinfer.core.model;

/**
 * Whether a layer attends to every earlier token or only to a sliding window of them.
 *
 * @since 0.1
 */
public enum LayerAttention {
    /** Attends to every earlier token of the sequence. */
    FULL,
    /** Attends to the last {@link SlidingWindow#windowTokens()} tokens, itself included. */
    SLIDING
}
