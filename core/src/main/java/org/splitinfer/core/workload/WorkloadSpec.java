package org.splitinfer.core.workload;

import java.util.OptionalDouble;

/**
 * A description of traffic that can be replayed any number of times: arrivals (Poisson, bursty Gamma, a trace's own
 * timing, or an offline backlog) and request lengths (fixed, lognormal, or a trace's). Immutable and thread-safe;
 * each {@link #open} starts an independent stream.
 *
 * @since 0.1
 */
public interface WorkloadSpec {

    /** @return a short name for reports, e.g. {@code chat} or a file name */
    String name();

    /**
     * Starts a stream of this workload's requests.
     *
     * @param seed the run's seed: the same seed gives the same requests, draw for draw
     * @return the stream; the caller closes it
     * @throws WorkloadException when a trace file cannot be opened
     */
    RequestStream open(long seed);

    /** @return mean and largest lengths (for a trace: read once, on first call) */
    WorkloadStats stats();

    /** @return the mean arrival rate in requests per second, or empty for an offline backlog (all at time 0) */
    OptionalDouble meanRequestsPerSecond();

    /**
     * The same workload at another mean rate: a synthetic process at that rate, a trace's timing scaled by
     * {@code its rate ÷ requestsPerSecond} (bursts kept), an offline backlog's jobs as a Poisson stream at that rate.
     *
     * @param requestsPerSecond the mean rate, {@code > 0}
     * @return the workload at that rate
     * @throws WorkloadException for a rate that is not positive and finite
     */
    WorkloadSpec atRate(double requestsPerSecond);
}
