package org.splitinfer.core.report;

import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Precision;

/**
 * Where a chip stops being memory-bound for one compute format and one memory tier.
 *
 * @param precision          the compute format
 * @param peakFlopsPerSecond its dense peak
 * @param tier               the memory tier
 * @since 0.1
 */
public record RidgePoint(Precision precision, double peakFlopsPerSecond, MemoryTier tier) {
    /** @return {@code peak ÷ bandwidth}: FLOPs per byte at the ridge */
    public double flopsPerByte() {
        return peakFlopsPerSecond / tier.bytesPerSecond();
    }
}
