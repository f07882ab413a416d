package org.splitinfer.core.workload;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * An offline backlog: every request is there at time 0, and the server takes them as fast as it can. It has no
 * rate, so it cannot be moved to one.
 */
final class BacklogArrivals implements ArrivalProcess {

    @Override
    public long nextGapNanos(SplittableRandom random) {
        return 0L;
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return OptionalDouble.empty();
    }

    @Override
    public ArrivalProcess atRate(double requestsPerSecond) {
        throw new WorkloadException("an offline backlog has every request at time 0 and no rate to change; use a "
                + "Poisson or Gamma workload for traffic at " + requestsPerSecond + " requests per second",
                List.of("workload.requestsPerSecond"));
    }
}
