package org.splitinfer.core.calibration;

import java.util.function.DoubleUnaryOperator;

/** The one-dimensional search the calibration's coordinate descent sets each parameter with. */
final class GoldenSection {
    /** Steps of the search: each keeps 0.618 of the interval, so 40 leave about 4e-9 of it. */
    static final int STEPS = 40;

    private GoldenSection() {
    }

    /**
     * Minimises a function on {@code [low, high]} by golden-section search ({@value #STEPS} steps), then checks the
     * bounds themselves, which are often the answer (no overhead, full efficiency).
     *
     * @param f    the function, with one minimum on the interval
     * @param low  lower bound
     * @param high upper bound
     * @return the best point seen
     */
    static double minimise(DoubleUnaryOperator f, double low, double high) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = low;
        double b = high;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < STEPS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        double best = fc < fd ? c : d;
        double bestValue = Math.min(fc, fd);
        // the bounds themselves are often the answer (no overhead, full efficiency): check them
        double atLow = f.applyAsDouble(low);
        double atHigh = f.applyAsDouble(high);
        if (atLow <= bestValue && atLow <= atHigh) {
            return low;
        }
        if (atHigh < bestValue) {
            return high;
        }
        return best;
    }
}
