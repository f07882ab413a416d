package org.splitinfer.core.sim.internal;

/** Step times that do not depend on the step: every timestamp of a run can then be worked out by hand. */
record FixedStepTimes(long decodeNanos, long prefillLatencyNanos, long prefillIntervalNanos) implements StepTimes {

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
