package org.splitinfer.core.sim.internal;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.splitinfer.core.sim.Percentiles;

/**
 * The latencies of completed requests, in nanoseconds, as HdrHistograms (three significant digits, auto-resizing):
 * constant memory whatever the number of requests, percentiles to 0.1%.
 */
final class LatencyRecorder {
    private final Histogram ttft = histogram();
    private final Histogram tpot = histogram();
    private final Histogram e2e = histogram();
    private final Histogram queue = histogram();

    private static Histogram histogram() {
        Histogram histogram = new Histogram(3);
        histogram.setAutoResize(true);
        return histogram;
    }

    void record(long ttftNanos, long tpotNanos, long e2eNanos, long queueNanos) {
        ttft.recordValue(ttftNanos);
        if (tpotNanos >= 0) {
            tpot.recordValue(tpotNanos);
        }
        e2e.recordValue(e2eNanos);
        queue.recordValue(queueNanos);
    }

    Percentiles ttft() {
        return percentiles(ttft);
    }

    Percentiles tpot() {
        return percentiles(tpot);
    }

    Percentiles e2e() {
        return percentiles(e2e);
    }

    Percentiles queue() {
        return percentiles(queue);
    }

    private static Percentiles percentiles(Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return Percentiles.NONE;
        }
        List<Double> quantiles = new ArrayList<>(101);
        quantiles.add(seconds(histogram.getMinValue()));
        for (int percent = 1; percent <= 100; percent++) {
            quantiles.add(seconds(histogram.getValueAtPercentile(percent)));
        }
        return new Percentiles(count, seconds(histogram.getValueAtPercentile(50)),
                seconds(histogram.getValueAtPercentile(90)), seconds(histogram.getValueAtPercentile(99)),
                histogram.getMean() / 1e9, seconds(histogram.getMaxValue()), quantiles);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
