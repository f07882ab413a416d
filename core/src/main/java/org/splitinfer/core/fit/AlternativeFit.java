package org.splitinfer.core.fit;

import org.splitinfer.spi.Placement;

/**
 * One of the family's alternative placements and what it costs in speed.
 *
 * @param placement  the plugin's placement: where the bytes live on each chip, its note, its KV capacity
 * @param holdsFootprint whether its tiers hold every byte of the footprint within their usable fractions (the
 *                   SPI's {@link Placement#fitsFullSpeed()} is false for an alternative that uses slower memory)
 * @param decode     the batch-1 decode step under this placement's residency
 * @param upperBound true when an operand class is split across tiers on each chip (e.g. part of the weights spilled
 *                   to DDR): the SPI's residency names one tier per class, so every byte of that class is priced at
 *                   the slower tier and the step time is an upper bound
 * @since 0.1
 */
public record AlternativeFit(Placement placement, boolean holdsFootprint, DecodeTiming decode, boolean upperBound) {
}
