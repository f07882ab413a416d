package org.splitinfer.spi;

/**
 * Whether traffic stays inside the chip's scale-up domain or leaves it.
 *
 * @since 0.1
 */
public enum Reach {
    /** Within the scale-up domain (NVLink, chip-to-chip links, the wafer fabric). */
    SCALE_UP,
    /** Across domains over the scale-out network (InfiniBand, Ethernet). */
    SCALE_OUT
}
