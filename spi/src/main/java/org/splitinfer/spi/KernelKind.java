package org.splitinfer.spi;

/**
 * What sort of work a {@link Kernel} is, so a roofline can pick the efficiency that fits it.
 * Open: a vendor may name its own kinds; the host emits only the constants.
 *
 * @param name lowercase identifier
 * @since 0.1
 */
public record KernelKind(String name) {
    /** A dense matrix product (projections, MLP, experts, LM head): shape {@link GemmShape}. */
    public static final KernelKind GEMM = new KernelKind("gemm");
    /** Attention scores, softmax and value mixing over the KV cache: shape {@link AttentionShape}. */
    public static final KernelKind ATTENTION = new KernelKind("attention");
    /** Normalisation (RMSNorm, LayerNorm): shape {@link ElementwiseShape}. */
    public static final KernelKind NORM = new KernelKind("norm");
    /** Element-wise work (activation functions, residual adds, rotary embedding): shape {@link ElementwiseShape}. */
    public static final KernelKind ELEMENTWISE = new KernelKind("elementwise");
    /** Rows gathered from a table (token embedding): shape {@link LookupShape}. */
    public static final KernelKind EMBEDDING = new KernelKind("embedding");
    /** A mixture-of-experts router (a small GEMM plus top-k): shape {@link GemmShape}. */
    public static final KernelKind ROUTER = new KernelKind("router");

    /** Validates the name. */
    public KernelKind {
        Names.requireLowerName("kernel kind", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
