package org.splitinfer.core.workload;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Poisson arrivals: independent, exponentially distributed gaps of mean {@code 1/λ}, the memoryless traffic of many
 * independent users.
 *
 * <h2>Notes</h2>
 * A gap is {@code E/λ} with {@code E} a standard exponential draw ({@link SplittableRandom#nextExponential()}, the
 * JDK's modified ziggurat), rounded to the nearest nanosecond; rounding moves each gap by at most 0.5 ns and the
 * mean not at all (it is as often up as down). The first request arrives one gap after time 0, as in a process
 * started at time 0.
 */
final class PoissonArrivals implements ArrivalProcess {
    private final double requestsPerSecond;
    private final double meanGapNanos;

    /** @param requestsPerSecond λ, positive and finite (checked by the factory) */
    PoissonArrivals(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        this.meanGapNanos = 1e9 / requestsPerSecond;
    }

    @Override
    public long nextGapNanos(SplittableRandom random) {
        return Math.round(random.nextExponential() * meanGapNanos);
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return OptionalDouble.of(requestsPerSecond);
    }

    @Override
    public ArrivalProcess atRate(double requestsPerSecond) {
        return new PoissonArrivals(requestsPerSecond);
    }
}
