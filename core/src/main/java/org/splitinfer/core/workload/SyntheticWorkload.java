package org.splitinfer.core.workload;

import java.util.OptionalDouble;

/**
 * A workload drawn as it goes: an arrival process and a length distribution, each fed by its own named random
 * stream of the run's seed ({@code "arrivals"}, {@code "lengths"}), so that changing the lengths leaves the arrival
 * times of a seed as they were, and the other way round.
 *
 * @param name     the name for reports
 * @param arrivals when requests arrive
 * @param lengths  how long they are
 */
record SyntheticWorkload(String name, ArrivalProcess arrivals, LengthDistribution lengths) implements WorkloadSpec {

    @Override
    public RequestStream open(long seed) {
        return new SyntheticStream(arrivals, RandomStreams.named(seed, RandomStreams.ARRIVALS),
                LengthSampler.of(lengths, RandomStreams.named(seed, RandomStreams.LENGTHS)));
    }

    @Override
    public WorkloadStats stats() {
        return lengths.stats();
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return arrivals.meanRequestsPerSecond();
    }

    @Override
    public WorkloadSpec atRate(double requestsPerSecond) {
        return new SyntheticWorkload(name, arrivals.atRate(ArrivalProcess.checkedRate(requestsPerSecond)), lengths);
    }
}
