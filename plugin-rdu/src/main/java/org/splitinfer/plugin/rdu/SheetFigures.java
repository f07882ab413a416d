package org.splitinfer.plugin.rdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;

/**
 * Reads one chip's figures with the checks the models need, so that a bad sheet fails with a message naming the
 * resource, the chip and the figure rather than with a model that silently divides by zero.
 */
final class SheetFigures {
    static final String PEAK_PREFIX = "peak.flopsPerSecond.";

    private final AcceleratorSheet sheet;

    SheetFigures(AcceleratorSheet sheet) {
        this.sheet = sheet;
    }

    String id() {
        return sheet.id();
    }

    boolean has(String name) {
        return sheet.has(name);
    }

    double positive(String name) {
        return requirePositive(name, sheet.value(name));
    }

    /** A required figure that may be 0 (a latency, an overhead); {@link org.splitinfer.spi.Figure} ensures {@code >= 0}. */
    double required(String name) {
        return sheet.value(name);
    }

    double nonNegative(String name, double fallback) {
        return sheet.value(name, fallback);
    }

    double fraction(String name) {
        return requireFraction(name, sheet.value(name));
    }

    double fraction(String name, double fallback) {
        return requireFraction(name, sheet.value(name, fallback));
    }

    int count(String name) {
        double value = positive(name);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw problem(name, "must be a whole number of at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    /** The compute formats: one per {@code peak.flopsPerSecond.<precision>} figure, in sheet order. */
    List<Precision> precisions() {
        List<Precision> precisions = new ArrayList<>();
        for (Figure figure : sheet.figures()) {
            if (figure.name().startsWith(PEAK_PREFIX)) {
                String name = figure.name().substring(PEAK_PREFIX.length());
                Precision precision = Precision.wellKnown(name).orElseThrow(() -> problem(figure.name(),
                        "names no well-known precision; use one of "
                                + Precision.WELL_KNOWN.stream().map(Precision::name).toList()));
                requirePositive(figure.name(), figure.value());
                precisions.add(precision);
            }
        }
        if (precisions.isEmpty()) {
            throw new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id()
                    + "' has no '" + PEAK_PREFIX + "<precision>' figure; add one per format the chip computes in");
        }
        return List.copyOf(precisions);
    }

    double peak(Precision precision) {
        return positive(PEAK_PREFIX + precision.name());
    }

    Optional<Price> price() {
        OptionalDouble purchase = sheet.has("price.purchaseUsd")
                ? OptionalDouble.of(positive("price.purchaseUsd")) : OptionalDouble.empty();
        OptionalDouble hourly = sheet.has("price.usdPerChipHour")
                ? OptionalDouble.of(positive("price.usdPerChipHour")) : OptionalDouble.empty();
        if (purchase.isEmpty() && hourly.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Price(purchase, hourly));
    }

    HardwareDataException problem(String name, String what) {
        return new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "' figure '" + name
                + "' " + what);
    }

    private double requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw problem(name, "must be > 0, got " + value);
        }
        return value;
    }

    private double requireFraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw problem(name, "must be in (0, 1], got " + value);
        }
        return value;
    }
}
