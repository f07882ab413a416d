package org.splitinfer.cli;

import java.util.Locale;
import org.splitinfer.core.report.Words;

/**
 * Quantities for people, as tables print them: three significant digits with a unit scaled to the value (29.2 ms,
 * 1.61 GB, 989 TFLOP/s, 70.6 B parameters), always in {@code Locale.ROOT}; times, figures and shares as core's
 * {@link Words} writes them for the reports, so that a terminal and a report never word one figure two ways. CSV and
 * JSON carry the plain numbers instead ({@link Numbers}), with the unit in the column's or key's name.
 */
final class Units {
    private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] COUNT = {"", "k", "M", "B", "T"};

    private Units() {
    }

    /** @return e.g. {@code 0 s}, {@code 5.01 us}, {@code 29.2 ms}, {@code 1.28 s} */
    static String seconds(double seconds) {
        return Words.seconds(seconds);
    }

    /** @return e.g. {@code 512 B}, {@code 65.5 kB}, {@code 70.6 GB} (decimal prefixes, as chips' memory is sold) */
    static String bytes(double bytes) {
        return scaled(bytes, DECIMAL, "B");
    }

    /** @return e.g. {@code 8.39 MFLOP}, {@code 124 GFLOP} */
    static String flops(double flops) {
        return scaled(flops, DECIMAL, "FLOP");
    }

    /** @return e.g. {@code 989 TFLOP/s} */
    static String flopsPerSecond(double flopsPerSecond) {
        return scaled(flopsPerSecond, DECIMAL, "FLOP/s");
    }

    /** @return e.g. {@code 3.35 TB/s} */
    static String bytesPerSecond(double bytesPerSecond) {
        return scaled(bytesPerSecond, DECIMAL, "B/s");
    }

    /** @return a count in thousands, millions, billions: e.g. {@code 70.6 B}, {@code 131 k}, {@code 61} */
    static String count(double count) {
        return scaled(count, COUNT, "").strip();
    }

    /** @return a plain figure: whole with thousands separators from 100 ({@code 1,197}), else three digits */
    static String number(double value) {
        return Words.number(value);
    }

    /** @return e.g. {@code 64%} */
    static String percent(double fraction) {
        return Words.percent(fraction);
    }

    private static String scaled(double value, String[] prefixes, String unit) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (value == 0) {
            return "0 " + unit;
        }
        int step = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 999.5 && step < prefixes.length - 1) {
            scaled /= 1000;
            step++;
        }
        String digits = step == 0 && scaled == Math.rint(scaled) ? String.format(Locale.ROOT, "%.0f", scaled)
                : String.format(Locale.ROOT, "%.3g", scaled);
        return digits + " " + prefixes[step] + unit;
    }
}
