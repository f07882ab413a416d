package org.splitinfer.core.workload;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The first {@code requests} requests of another workload.
 *
 * @param workload the workload
 * @param requests how many of its requests, {@code >= 1}
 */
record LimitedWorkload(WorkloadSpec workload, long requests) implements WorkloadSpec {

    LimitedWorkload {
        if (requests < 1) {
            throw new WorkloadException("workload.requests must be at least 1, got " + requests + "; give how many "
                    + "requests to take", List.of("workload.requests"));
        }
    }

    @Override
    public String name() {
        return workload.name();
    }

    @Override
    public RequestStream open(long seed) {
        return new Stream(workload.open(seed), requests);
    }

    @Override
    public WorkloadStats stats() {
        return workload.stats();
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return workload.meanRequestsPerSecond();
    }

    @Override
    public WorkloadSpec atRate(double requestsPerSecond) {
        return new LimitedWorkload(workload.atRate(requestsPerSecond), requests);
    }

    /** Counts requests down, then ends. */
    private static final class Stream implements RequestStream {
        private final RequestStream requests;
        private long left;

        Stream(RequestStream requests, long left) {
            this.requests = requests;
            this.left = left;
        }

        @Override
        public boolean advance() {
            if (left == 0) {
                return false;
            }
            left--;
            return requests.advance();
        }

        @Override
        public long arrivalNanos() {
            return requests.arrivalNanos();
        }

        @Override
        public int inputTokens() {
            return requests.inputTokens();
        }

        @Override
        public int outputTokens() {
            return requests.outputTokens();
        }

        @Override
        public void close() {
            requests.close();
        }
    }
}
