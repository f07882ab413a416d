package org.splitinfer.core.sim;

/**
 * A latency's distribution over the requests of a run, in seconds (HdrHistogram, three significant digits).
 *
 * @param count requests measured
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param mean  mean
 * @param max   largest
 * @since 0.1
 */
public record Percentiles(long count, double p50, double p90, double p99, double mean, double max) {
    /** No requests measured: every figure 0. */
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);
}
