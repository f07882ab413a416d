package org.splitinfer.spi;

/**
 * Work the host asks one chip to run: {@code count} identical invocations (one per layer, say), each with
 * the FLOPs and bytes given. Collectives are not kernels: they belong to {@link Interconnect}.
 *
 * @param name         what the kernel computes, e.g. {@code qkv_proj}, non-blank
 * @param kind         the kind of work
 * @param count        identical invocations, {@code >= 1}
 * @param flops        floating-point (or integer) operations per invocation, 2 per multiply-accumulate, {@code >= 0}
 * @param precision    the format the arithmetic runs in
 * @param bytesRead    bytes read per invocation, by operand class
 * @param bytesWritten bytes written per invocation, by operand class
 * @param shape        the typed shape of one invocation
 * @since 0.1
 */
public record Kernel(String name, KernelKind kind, long count, double flops, Precision precision,
                     OperandBytes bytesRead, OperandBytes bytesWritten, KernelShape shape) {

    /** Validates the fields. */
    public Kernel {
        Names.requireText("kernel name", name);
        Names.requireNonNull("kernel", name, "kind", kind);
        Names.requirePositive("kernel", name, "count", count);
        Names.requireNonNegativeFinite("kernel", name, "flops", flops);
        Names.requireNonNull("kernel", name, "precision", precision);
        Names.requireNonNull("kernel", name, "bytesRead", bytesRead);
        Names.requireNonNull("kernel", name, "bytesWritten", bytesWritten);
        Names.requireNonNull("kernel", name, "shape", shape);
    }

    /** @return bytes read and written per invocation, by class */
    public OperandBytes bytesMoved() {
        return bytesRead.plus(bytesWritten);
    }

    /** @return FLOPs of all invocations */
    public double totalFlops() {
        return flops * count;
    }

    /** @return bytes read and written by all invocations */
    public double totalBytes() {
        // the two totals, not bytesMoved(): no record is built on a path that runs for every kernel of every step
        return (bytesRead.total() + bytesWritten.total()) * count;
    }

    /**
     * A copy with a different invocation count.
     *
     * @param newCount invocations, {@code >= 1}
     * @return the copy
     */
    public Kernel withCount(long newCount) {
        return new Kernel(name, kind, newCount, flops, precision, bytesRead, bytesWritten, shape);
    }
}
