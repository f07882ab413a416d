package org.splitinfer.core.sim;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;

/**
 * When a run stops taking requests: after a number of arrivals (then it runs until every admitted request has
 * finished), or at a time (then whatever is still in flight is counted as such).
 *
 * @param requests         arrivals to take, {@code >= 1}, or 0 when the run is limited by time
 * @param durationSeconds  simulated seconds to run, {@code > 0}, or 0 when the run is limited by arrivals
 * @since 0.1
 */
public record RunLimit(long requests, double durationSeconds) {
    /** Checks that exactly one limit is set. */
    public RunLimit {
        boolean byRequests = requests > 0;
        boolean byTime = durationSeconds > 0 && !Double.isInfinite(durationSeconds);
        if (requests < 0 || durationSeconds < 0 || byRequests == byTime) {
            throw new SplitInferException("give either run.requests (a positive count) or run.duration (positive"
                    + " seconds), not both, got " + requests + " and " + durationSeconds, null,
                    List.of("run.requests", "run.duration"));
        }
    }

    /**
     * @param requests arrivals to take, {@code >= 1}
     * @return a limit by arrivals
     */
    public static RunLimit requests(long requests) {
        return new RunLimit(requests, 0);
    }

    /**
     * @param seconds simulated seconds, {@code > 0}
     * @return a limit by time
     */
    public static RunLimit duration(double seconds) {
        return new RunLimit(0, seconds);
    }

    /** @return whether the run is limited by time */
    public boolean byTime() {
        return durationSeconds > 0;
    }
}
