package org.splitinfer.spi;

/**
 * The two phases of LLM inference.
 *
 * @since 0.1
 */
public enum Phase {
    /** Processing the prompt: compute-heavy, many tokens per sequence. */
    PREFILL,
    /** Generating one token per sequence per step: bandwidth-bound at small batch. */
    DECODE
}
