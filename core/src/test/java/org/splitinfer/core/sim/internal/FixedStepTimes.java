package org.splitinfer.core.sim.internal;

/**
 * Step times that do not depend on the step: every timestamp of a run can then be worked out by hand. A decode
 * iteration gives each sequence {@code tokensPerIteration} tokens (1, or a speculative pool's expected tokens).
 */
record FixedStepTimes(long decodeNanos, long prefillLatencyNanos, long prefillIntervalNanos,
                      double tokensPerIteration) implements StepTimes {

    /** Plain decoding: one token per sequence and iteration. */
    FixedStepTimes(long decodeNanos, long prefillLatencyNanos, long prefillIntervalNanos) {
        this(decodeNanos, prefillLatencyNanos, prefillIntervalNanos, 1);
    }

    @Override
    public long decodeNanos(int batch, long contextTokens) {
        return decodeNanos;
    }

    @Override
    public long prefillLatencyNanos(int tokens, long priorContextTokens) {
        return prefillLatencyNanos;
    }

    @Override
    public long prefillIntervalNanos(int tokens, long priorContextTokens) {
        return prefillIntervalNanos;
    }
}
