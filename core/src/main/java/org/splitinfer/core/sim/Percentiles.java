package org.splitinfer.core.sim;

import java.util.List;

/**
 * A latency's distribution over the requests of a run, in seconds (HdrHistogram, three significant digits).
 *
 * @param count     requests measured
 * @param p50       median
 * @param p90       90th percentile
 * @param p99       99th percentile
 * @param mean      mean
 * @param max       largest
 * @param quantiles the 0th, 1st, ... 100th percentiles: the distribution a chart draws (empty when none measured)
 * @since 0.1
 */
public record Percentiles(long count, double p50, double p90, double p99, double mean, double max,
                          List<Double> quantiles) {
    /** No requests measured: every figure 0. */
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, List.of());

    /** Copies the list. */
    public Percentiles {
        quantiles = List.copyOf(quantiles);
    }
}
