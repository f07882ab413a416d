package org.splitinfer.core.model;

/**
 * How a model encodes token positions.
 *
 * @since 0.1
 */
public enum PositionEncoding {
    /** Rotary embedding applied to queries and keys in every layer (Su et al., 2021): no parameters. */
    ROTARY,
    /** Linear biases added to attention scores (ALiBi, Press et al., 2022; BLOOM): no parameters. */
    ALIBI,
    /** A learned table of absolute position embeddings added to the token embedding (GPT-2, GPT-3). */
    LEARNED
}
