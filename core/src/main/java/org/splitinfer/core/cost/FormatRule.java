package org.splitinfer.core.cost;

/**
 * Which rule of {@link DefaultFormats} chose a pool's formats.
 *
 * @since 0.1
 */
public enum FormatRule {
    /** The caller named the formats. */
    GIVEN,
    /** The model's native formats, which the chip computes. */
    NATIVE,
    /** BF16 throughout: the chip does not compute some native format, but computes BF16. */
    BF16_FALLBACK,
    /** FP16 throughout: the chip computes neither every native format nor BF16, but FP16. */
    FP16_FALLBACK,
    /** The chip's highest-peak well-known format of at least 8 bits, throughout. */
    HIGHEST_PEAK_FALLBACK
}
