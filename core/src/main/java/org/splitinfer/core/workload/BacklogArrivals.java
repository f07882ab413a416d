package org.splitinfer.core.workload;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * An offline backlog: every request is there at time 0, and the server takes them as fast as it can. Asked for a
 * rate, the same jobs arrive as a Poisson stream at that rate instead: how a backlog that must be drained at a given
 * pace is planned for.
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
        return new PoissonArrivals(ArrivalProcess.checkedRate(requestsPerSecond));
    }
}
