package org.splitinfer.spi;

/**
 * Element-wise or normalisation work over a number of elements.
 *
 * @param elements elements processed, {@code >= 1}
 * @since 0.1
 */
public record ElementwiseShape(long elements) implements KernelShape {
    /** Validates the count. */
    public ElementwiseShape {
        Names.requirePositive("elementwise elements", elements);
    }
}
