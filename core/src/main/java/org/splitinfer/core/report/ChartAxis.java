package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a chart: a range of values mapped onto a span of pixels, linear or logarithmic, with its ticks.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Linear ticks step by 1, 2 or 5 × 10^k, the first such step that gives at most six intervals, and the range
 *       widens to whole steps, so the frame starts and ends on a tick.</li>
 *   <li>A range whose ends differ by more than a factor of {@link #LOG_RATIO} is drawn on a log scale
 *       ({@link #fitting}): a deployment of tens of chips next to one of hundreds, or a cost of cents next to
 *       dollars, would otherwise crowd every point but one into a corner. Log ticks are the decades, and 2 and 5
 *       within them when the range spans two decades or less.</li>
 * </ul>
 *
 * @param min       the value at {@code fromPixel}
 * @param max       the value at {@code toPixel}
 * @param log       whether the scale is logarithmic
 * @param fromPixel where {@code min} is drawn
 * @param toPixel   where {@code max} is drawn (less than {@code fromPixel} for a y-axis, which grows upwards)
 * @param ticks     values to mark, within the range, ascending
 */
record ChartAxis(double min, double max, boolean log, double fromPixel, double toPixel, List<Double> ticks) {
    /** Ends further apart than this factor go on a log scale. */
    static final double LOG_RATIO = 30;

    /** Copies the ticks. */
    ChartAxis {
        ticks = List.copyOf(ticks);
    }

    /**
     * A linear or log axis for values in {@code [low, high]}, by {@link #LOG_RATIO}.
     *
     * @param low        the smallest value to show
     * @param high       the largest value to show
     * @param fromPixel  where the low end is drawn
     * @param toPixel    where the high end is drawn
     * @param includeZero whether a linear axis starts at 0 (a distribution's time axis)
     * @return the axis
     */
    static ChartAxis fitting(double low, double high, double fromPixel, double toPixel, boolean includeZero) {
        if (low > 0 && high / low > LOG_RATIO) {
            return logarithmic(low, high, fromPixel, toPixel);
        }
        return linear(includeZero ? Math.min(0, low) : low, high, fromPixel, toPixel);
    }

    /**
     * @param low       the smallest value to show
     * @param high      the largest value to show
     * @param fromPixel where the low end is drawn
     * @param toPixel   where the high end is drawn
     * @return a linear axis widened to whole steps, per the notes
     */
    static ChartAxis linear(double low, double high, double fromPixel, double toPixel) {
        if (!(high > low)) {
            // one value: a range around it, so the point sits in the middle
            double half = low == 0 ? 1 : Math.abs(low) * 0.1;
            boolean nonNegative = low >= 0;
            low = nonNegative ? Math.max(0, low - half) : low - half;
            high = high + half;
        }
        double step = step((high - low) / 6);
        double first = Math.floor(low / step + 1e-9) * step;
        double last = Math.ceil(high / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((last - first) / step);
        for (long i = 0; i <= count; i++) {
            // from integers, so the ticks carry no accumulated rounding
            ticks.add(clean((first / step + i) * step));
        }
        return new ChartAxis(clean(first), clean(last), false, fromPixel, toPixel, ticks);
    }

    /**
     * @param low       the smallest value to show, {@code > 0}
     * @param high      the largest value to show
     * @param fromPixel where the low end is drawn
     * @param toPixel   where the high end is drawn
     * @return a log axis from the decade at or below {@code low} to the one at or above {@code high}
     */
    static ChartAxis logarithmic(double low, double high, double fromPixel, double toPixel) {
        long firstDecade = (long) Math.floor(Math.log10(low));
        long lastDecade = Math.max(firstDecade + 1, (long) Math.ceil(Math.log10(high)));
        boolean fine = lastDecade - firstDecade <= 2;
        List<Double> ticks = new ArrayList<>();
        for (long decade = firstDecade; decade <= lastDecade; decade++) {
            double base = Math.pow(10, decade);
            ticks.add(base);
            if (fine && decade < lastDecade) {
                ticks.add(2 * base);
                ticks.add(5 * base);
            }
        }
        return new ChartAxis(Math.pow(10, firstDecade), Math.pow(10, lastDecade), true, fromPixel, toPixel, ticks);
    }

    /**
     * @param value a value; one outside the range is drawn at the nearer end
     * @return its pixel
     */
    double pixel(double value) {
        double clamped = Math.max(min, Math.min(max, value));
        double share = log ? (Math.log10(clamped) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (clamped - min) / (max - min);
        return fromPixel + (toPixel - fromPixel) * share;
    }

    /** The first of 1, 2, 5 × 10^k at or above {@code raw}. */
    private static double step(double raw) {
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * decade >= raw * (1 - 1e-9)) {
                return factor * decade;
            }
        }
        return 10 * decade;
    }

    /** Rounds away binary noise (0.30000000000000004) so ticks print as written. */
    private static double clean(double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", value));
    }
}
