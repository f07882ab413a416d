package org.splitinfer.spi;

/**
 * What a deployment must hold in memory, across all its chips.
 *
 * @param weightBytes          bytes of all weights at their storage precision, {@code >= 0}
 * @param kvBytesPerToken      KV-cache bytes one token adds, summed over layers, {@code >= 0}
 * @param kvTokens             tokens of KV cache to hold (sequences × context), {@code >= 0}
 * @param activationBytes      working activation bytes, {@code >= 0}
 * @since 0.1
 */
public record Footprint(double weightBytes, double kvBytesPerToken, long kvTokens, double activationBytes) {
    /** Validates the fields. */
    public Footprint {
        Names.requireNonNegativeFinite("footprint weightBytes", weightBytes);
        Names.requireNonNegativeFinite("footprint kvBytesPerToken", kvBytesPerToken);
        if (kvTokens < 0) {
            throw new IllegalArgumentException("footprint kvTokens must be >= 0, got " + kvTokens);
        }
        Names.requireNonNegativeFinite("footprint activationBytes", activationBytes);
    }

    /** @return {@code kvBytesPerToken × kvTokens} */
    public double kvCacheBytes() {
        return kvBytesPerToken * kvTokens;
    }

    /** @return weights + KV cache + activations */
    public double totalBytes() {
        return weightBytes + kvCacheBytes() + activationBytes;
    }
}
