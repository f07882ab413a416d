package org.splitinfer.core.workload;

import java.util.SplittableRandom;

/**
 * The requests of a {@link SyntheticWorkload}: endless, each the previous arrival plus a drawn gap. Allocates
 * nothing per request.
 */
final class SyntheticStream implements RequestStream {
    private final ArrivalProcess arrivals;
    private final SplittableRandom arrivalRandom;
    private final LengthSampler lengths;
    private long arrivalNanos;

    SyntheticStream(ArrivalProcess arrivals, SplittableRandom arrivalRandom, LengthSampler lengths) {
        this.arrivals = arrivals;
        this.arrivalRandom = arrivalRandom;
        this.lengths = lengths;
    }

    @Override
    public boolean advance() {
        long next = arrivalNanos + arrivals.nextGapNanos(arrivalRandom);
        // a run past 292 years of simulated time stays at the last representable instant rather than wrapping
        arrivalNanos = next < arrivalNanos ? Long.MAX_VALUE : next;
        lengths.draw();
        return true;
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public int inputTokens() {
        return lengths.inputTokens;
    }

    @Override
    public int outputTokens() {
        return lengths.outputTokens;
    }

    @Override
    public void close() {
        // nothing held
    }
}
