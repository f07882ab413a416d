package org.splitinfer.spi;

import java.util.Optional;

/**
 * One chip kind and its models. Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Accelerator {

    /**
     * What the chip is and the sources of its figures.
     *
     * @return the spec
     * @since 0.1
     */
    AcceleratorSpec spec();

    /**
     * Kernel and step times.
     *
     * @return the roofline
     * @since 0.1
     */
    Roofline roofline();

    /**
     * Memory tiers and placement.
     *
     * @return the memory model
     * @since 0.1
     */
    MemoryModel memory();

    /**
     * Collectives and transfers.
     *
     * @return the interconnect
     * @since 0.1
     */
    Interconnect interconnect();

    /**
     * Power of the chip and its node.
     *
     * @return the power model
     * @since 0.1
     */
    PowerModel power();

    /**
     * What the chip costs, when a source or a marked assumption gives it.
     *
     * @return the price, or empty
     * @since 0.1
     */
    default Optional<Price> price() {
        return Optional.empty();
    }

    /** @return the chip's id, {@code spec().id()} */
    default String id() {
        return spec().id();
    }
}
