package org.splitinfer.core.sim.internal;

/** A KV cache of a fixed number of bytes per token, with no format conversion. */
record PerTokenKv(double bytesPerToken) implements KvSizes {

    @Override
    public double transferBytes(int inputTokens) {
        return inputTokens * bytesPerToken;
    }

    @Override
    public double reserveBytes(long contextTokens) {
        return contextTokens * bytesPerToken;
    }

    @Override
    public long conversionNanos(int inputTokens) {
        return 0;
    }
}
