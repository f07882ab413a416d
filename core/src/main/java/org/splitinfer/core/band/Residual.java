package org.splitinfer.core.band;

import java.util.Objects;
import org.splitinfer.core.validate.Metric;

/**
 * One validation case predicted under leave-one-out (the calibration refitted without it): what the model said and
 * what was measured.
 *
 * @param caseId    the case's id
 * @param family    the family of its chip ({@code gpu}, {@code lpu}, ...)
 * @param stack     the serving stack it was measured with, or null when the case names none
 * @param metric    what it measured
 * @param predicted the leave-one-out prediction, in the metric's unit; positive
 * @param measured  the measurement, in the metric's unit; positive
 * @since 0.1
 */
public record Residual(String caseId, String family, String stack, Metric metric, double predicted,
                       double measured) {
    /** Validates the fields. */
    public Residual {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(metric, "metric");
        if (!(predicted > 0 && Double.isFinite(predicted) && measured > 0 && Double.isFinite(measured))) {
            throw new IllegalArgumentException(caseId + ": predicted and measured must be positive and finite, got "
                    + predicted + " and " + measured);
        }
    }

    /**
     * The error as a log ratio of times: {@code ln(predicted time ÷ measured time)}, positive when the model
     * predicted the work slower than it ran. A time metric's ratio as it is; a rate's (tokens per second, tokens per
     * joule) inverted, since a rate is work ÷ time. One orientation lets cases of every metric pool.
     *
     * @return the log ratio
     */
    public double slowness() {
        double logRatio = Math.log(predicted / measured);
        return isTime(metric) ? logRatio : -logRatio;
    }

    /**
     * @param metric a metric
     * @return whether it is a time (grows as work slows) rather than a rate
     */
    static boolean isTime(Metric metric) {
        return metric == Metric.SECONDS || metric == Metric.TTFT_SECONDS;
    }
}
