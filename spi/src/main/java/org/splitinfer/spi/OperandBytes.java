package org.splitinfer.spi;

/**
 * Bytes split by operand class.
 *
 * @param weights     bytes of model parameters, {@code >= 0}
 * @param kvCache     bytes of KV cache, {@code >= 0}
 * @param activations bytes of activations, {@code >= 0}
 * @since 0.1
 */
public record OperandBytes(double weights, double kvCache, double activations) {
    /** No bytes. */
    public static final OperandBytes NONE = new OperandBytes(0, 0, 0);

    /** Validates the fields. */
    public OperandBytes {
        Names.requireNonNegativeFinite("weights bytes", weights);
        Names.requireNonNegativeFinite("kvCache bytes", kvCache);
        Names.requireNonNegativeFinite("activations bytes", activations);
    }

    /** @return the sum of the three classes */
    public double total() {
        return weights + kvCache + activations;
    }

    /**
     * Bytes of one class.
     *
     * @param operand the class
     * @return its bytes
     */
    public double of(OperandClass operand) {
        return switch (operand) {
            case WEIGHTS -> weights;
            case KV_CACHE -> kvCache;
            case ACTIVATIONS -> activations;
        };
    }

    /**
     * Class-wise sum.
     *
     * @param other bytes to add
     * @return the sum
     */
    public OperandBytes plus(OperandBytes other) {
        return new OperandBytes(weights + other.weights, kvCache + other.kvCache, activations + other.activations);
    }

    /**
     * Every class scaled.
     *
     * @param factor a finite factor {@code >= 0}
     * @return the scaled bytes
     */
    public OperandBytes times(double factor) {
        return new OperandBytes(weights * factor, kvCache * factor, activations * factor);
    }
}
