package org.splitinfer.core.workload;

import java.util.ArrayList;
import java.util.List;

/** A stream's first requests as values, for tests to compare. */
record Requests(long arrivalNanos, int inputTokens, int outputTokens) {

    static Requests of(long arrivalNanos, int inputTokens, int outputTokens) {
        return new Requests(arrivalNanos, inputTokens, outputTokens);
    }

    /** The first {@code count} requests of a workload for a seed (fewer if it ends). */
    static List<Requests> first(WorkloadSpec workload, long seed, int count) {
        List<Requests> requests = new ArrayList<>();
        try (RequestStream stream = workload.open(seed)) {
            while (requests.size() < count && stream.advance()) {
                requests.add(new Requests(stream.arrivalNanos(), stream.inputTokens(), stream.outputTokens()));
            }
        }
        return requests;
    }

    /** The gaps in nanoseconds between the first {@code count} arrivals, the first measured from time 0. */
    static long[] gaps(WorkloadSpec workload, long seed, int count) {
        long[] gaps = new long[count];
        try (RequestStream stream = workload.open(seed)) {
            long previous = 0;
            for (int i = 0; i < count; i++) {
                stream.advance();
                gaps[i] = stream.arrivalNanos() - previous;
                previous = stream.arrivalNanos();
            }
        }
        return gaps;
    }
}
