package org.splitinfer.spi;

/**
 * A matrix product C[m×n] = A[m×k] · B[k×n]; FLOPs are {@code 2·m·n·k}.
 *
 * @param m rows of the activation operand (tokens), {@code >= 1}
 * @param n output features, {@code >= 1}
 * @param k input features (the reduction), {@code >= 1}
 * @since 0.1
 */
public record GemmShape(long m, long n, long k) implements KernelShape {
    /** Validates the dimensions. */
    public GemmShape {
        Names.requirePositive("gemm m", m);
        Names.requirePositive("gemm n", n);
        Names.requirePositive("gemm k", k);
    }
}
