package org.splitinfer.cli;

import java.util.Locale;

/** Numbers for tables: whole numbers as integers, others with four significant digits, always in Locale.ROOT. */
final class Numbers {
    private Numbers() {
    }

    static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String significant(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String seconds(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.4g s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.4g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.4g us", seconds * 1e6);
    }
}
