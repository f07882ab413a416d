package org.splitinfer.spi;

/**
 * How real an accelerator is, so every output that rests on it can say so.
 *
 * @since 0.1
 */
public enum Status {
    /** Sold and measured in public. */
    SHIPPING,
    /** Announced by its vendor with published figures, not yet generally available. */
    ANNOUNCED,
    /** A projection (a roadmap claim or an analyst's extrapolation); figures are targets, not measurements. */
    PROJECTED
}
