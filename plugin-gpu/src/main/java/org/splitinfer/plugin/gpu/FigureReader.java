package org.splitinfer.plugin.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.HardwareDataException;

/**
 * Reads one chip's figures and collects every problem, so a sheet author sees all gaps of a chip at once rather
 * than one per run. Each read returns a neutral stand-in value after recording a problem; {@link #finish()} throws
 * them together. Not thread-safe; used only while an accelerator is built.
 */
final class FigureReader {
    private final AcceleratorSheet sheet;
    private final List<String> problems = new ArrayList<>();

    FigureReader(AcceleratorSheet sheet) {
        this.sheet = sheet;
    }

    String chipId() {
        return sheet.id();
    }

    boolean has(String name) {
        return sheet.has(name);
    }

    /** A required figure, {@code > 0}. */
    double positive(String name) {
        if (!sheet.has(name)) {
            problems.add(sheet.lacking(name));
            return 1;
        }
        double value = sheet.value(name);
        if (!(value > 0)) {
            problems.add("figure '" + name + "' must be > 0, got " + format(value));
            return 1;
        }
        return value;
    }

    /** A required figure, {@code >= 0}. */
    double nonNegative(String name) {
        if (!sheet.has(name)) {
            problems.add(sheet.lacking(name));
            return 0;
        }
        return sheet.value(name);
    }

    /** A required fraction in (0, 1]. */
    double fraction(String name) {
        if (!sheet.has(name)) {
            problems.add(sheet.lacking(name));
            return 1;
        }
        return checkFraction(name, sheet.value(name));
    }

    /** An optional fraction in (0, 1], or the fallback when absent. */
    double fraction(String name, double fallback) {
        return sheet.has(name) ? checkFraction(name, sheet.value(name)) : fallback;
    }

    /** An optional figure {@code > 0}, or the fallback when absent. */
    double positive(String name, double fallback) {
        return sheet.has(name) ? positive(name) : fallback;
    }

    /** A required whole number {@code >= 1}. */
    int count(String name) {
        double value = positive(name);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            problems.add("figure '" + name + "' must be a whole number >= 1, got " + format(value));
            return 1;
        }
        return (int) value;
    }

    void problem(String message) {
        problems.add(message);
    }

    /**
     * Throws every recorded problem as one exception.
     *
     * @throws HardwareDataException naming the resource, the chip and each problem
     */
    void finish() {
        if (!problems.isEmpty()) {
            throw new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "' "
                    + String.join("; ", problems));
        }
    }

    private double checkFraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            problems.add("figure '" + name + "' is a fraction and must be in (0, 1], got " + format(value));
            return 1;
        }
        return value;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
