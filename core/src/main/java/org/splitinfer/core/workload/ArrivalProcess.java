package org.splitinfer.core.workload;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * When requests arrive: a renewal process that draws the gap before each request from the run's
 * {@code "arrivals"} stream. Immutable; the stream's state lives in the {@link SplittableRandom} passed in.
 */
interface ArrivalProcess {

    /**
     * @param random the run's arrivals stream
     * @return nanoseconds from the previous request (or from time 0, for the first) to the next, {@code >= 0}
     */
    long nextGapNanos(SplittableRandom random);

    /** @return the mean rate in requests per second, empty when every request arrives at time 0 */
    OptionalDouble meanRequestsPerSecond();

    /**
     * @param requestsPerSecond the new mean rate, validated by the caller
     * @return the same process at that rate
     */
    ArrivalProcess atRate(double requestsPerSecond);

    /**
     * Checks a rate given by the user.
     *
     * @param requestsPerSecond the rate
     * @return the rate
     * @throws WorkloadException when it is not positive and finite
     */
    static double checkedRate(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new WorkloadException("workload.requestsPerSecond must be a positive, finite number of requests "
                    + "per second, got " + requestsPerSecond + "; give a rate above 0",
                    List.of("workload.requestsPerSecond"));
        }
        return requestsPerSecond;
    }
}
