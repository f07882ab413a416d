package org.splitinfer.spi;

/**
 * Bytes one chip keeps in one tier.
 *
 * @param tier            the tier's name
 * @param weightBytes     weight bytes, {@code >= 0}
 * @param kvCacheBytes    KV-cache bytes, {@code >= 0}
 * @param activationBytes activation bytes, {@code >= 0}
 * @since 0.1
 */
public record TierUsage(String tier, double weightBytes, double kvCacheBytes, double activationBytes) {
    /** Validates the fields. */
    public TierUsage {
        Names.requireLowerName("tier", tier);
        Names.requireNonNegativeFinite("tier", tier, "weightBytes", weightBytes);
        Names.requireNonNegativeFinite("tier", tier, "kvCacheBytes", kvCacheBytes);
        Names.requireNonNegativeFinite("tier", tier, "activationBytes", activationBytes);
    }

    /** @return all bytes in this tier */
    public double totalBytes() {
        return weightBytes + kvCacheBytes + activationBytes;
    }
}
