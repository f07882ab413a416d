package org.splitinfer.spi;

/**
 * The three kinds of bytes a kernel moves; each may live in a different memory tier.
 *
 * @since 0.1
 */
public enum OperandClass {
    /** Model parameters. */
    WEIGHTS,
    /** Attention keys and values of earlier tokens. */
    KV_CACHE,
    /** Activations between kernels. */
    ACTIVATIONS
}
