package org.splitinfer.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chip's entry in a {@link HardwareSheet}.
 *
 * @param resource    the resource it was read from, for messages
 * @param id          the chip's id
 * @param vendor      who makes it
 * @param displayName human-readable name
 * @param status      shipping, announced or projected
 * @param figures     its figures, in file order
 * @since 0.1
 */
public record AcceleratorSheet(String resource, String id, String vendor, String displayName, Status status,
                               List<Figure> figures) {
    /** Validates the fields. */
    public AcceleratorSheet {
        Names.requireText("sheet resource", resource);
        Names.requireLowerName("accelerator id", id);
        Names.requireText("accelerator", id, "vendor", vendor);
        Names.requireText("accelerator", id, "displayName", displayName);
        Names.requireNonNull("accelerator", id, "status", status);
        figures = List.copyOf(Names.requireNonNull("accelerator", id, "figures", figures));
    }

    /**
     * The value of a required figure.
     *
     * @param name figure name
     * @return its value
     * @throws HardwareDataException naming the resource, the chip and the figure when it is absent
     * @since 0.1
     */
    public double value(String name) {
        for (Figure figure : figures) {
            if (figure.name().equals(name)) {
                return figure.value();
            }
        }
        throw new HardwareDataException(resource + ": accelerator '" + id + "' " + lacking(name));
    }

    /**
     * What to tell a sheet's author about a required figure it lacks: a figure whose name is one or two letters
     * away is named as the likely misspelling, since an optional-looking typo would otherwise hide a required one.
     *
     * @param name the required figure's name
     * @return e.g. {@code lacks figure 'hbm.bytesPerSecond' (the sheet has 'hbm.bytesPerSecnd': misspelt?); add it
     *         with a source or an assumption}
     * @since 0.1
     */
    public String lacking(String name) {
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (Figure figure : figures) {
            int distance = Names.editDistance(name, figure.name());
            if (distance < nearestDistance) {
                nearest = figure.name();
                nearestDistance = distance;
            }
        }
        boolean near = nearest != null && nearestDistance <= Math.max(1, Math.min(2, name.length() / 6));
        return "lacks figure '" + name + "'" + (near ? " (the sheet has '" + nearest + "': misspelt?)" : "")
                + "; add it with a source or an assumption";
    }

    /**
     * The value of an optional figure.
     *
     * @param name     figure name
     * @param fallback value when absent
     * @return its value or the fallback
     * @since 0.1
     */
    public double value(String name, double fallback) {
        for (Figure figure : figures) {
            if (figure.name().equals(name)) {
                return figure.value();
            }
        }
        return fallback;
    }

    /**
     * Whether the figure is present.
     *
     * @param name figure name
     * @return true if present
     * @since 0.1
     */
    public boolean has(String name) {
        return figures.stream().anyMatch(f -> f.name().equals(name));
    }

    /** Prefix of the dense peak figures, one per format the chip computes in: {@code peak.flopsPerSecond.bf16}. */
    public static final String PEAK_PREFIX = "peak.flopsPerSecond.";

    private static final Pattern FORMAT_WITH_BITS = Pattern.compile("[a-z]+[a-z0-9]*?([1-9][0-9]?)");

    /**
     * A required figure that must be {@code > 0}.
     *
     * @param name figure name
     * @return its value
     * @throws HardwareDataException naming the resource, chip and figure when absent or not positive
     * @since 0.1
     */
    public double positive(String name) {
        return requirePositive(name, value(name));
    }

    /**
     * An optional figure that must be {@code > 0} when present.
     *
     * @param name     figure name
     * @param fallback value when absent
     * @return its value or the fallback
     * @since 0.1
     */
    public double positive(String name, double fallback) {
        return has(name) ? positive(name) : fallback;
    }

    /**
     * An optional figure; figures are never negative (see {@link Figure}).
     *
     * @param name     figure name
     * @param fallback value when absent
     * @return its value or the fallback
     * @since 0.1
     */
    public double nonNegative(String name, double fallback) {
        return value(name, fallback);
    }

    /**
     * A required fraction in (0, 1].
     *
     * @param name figure name
     * @return its value
     * @throws HardwareDataException when absent or out of range
     * @since 0.1
     */
    public double fraction(String name) {
        return requireFraction(name, value(name));
    }

    /**
     * An optional fraction in (0, 1].
     *
     * @param name     figure name
     * @param fallback value when absent
     * @return its value or the fallback
     * @since 0.1
     */
    public double fraction(String name, double fallback) {
        return requireFraction(name, value(name, fallback));
    }

    /**
     * A required whole, positive count (chips in a domain, links, cores).
     *
     * @param name figure name
     * @return its value
     * @throws HardwareDataException when absent, not positive or not whole
     * @since 0.1
     */
    public int count(String name) {
        double value = positive(name);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw problem(name, "must be a whole number of at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    /**
     * The formats the chip computes in: one per {@code peak.flopsPerSecond.<format>} figure, in sheet order. A
     * well-known name gives its {@link Precision}; another name ending in its bit width ({@code tf32}, {@code fp6},
     * {@code cb16}) gives a vendor format of that width.
     *
     * @return the formats, non-empty
     * @throws HardwareDataException when there is none, or a name carries no bit width
     * @since 0.1
     */
    public List<Precision> peakPrecisions() {
        List<Precision> precisions = new ArrayList<>();
        for (Figure figure : figures) {
            if (!figure.name().startsWith(PEAK_PREFIX)) {
                continue;
            }
            String format = figure.name().substring(PEAK_PREFIX.length());
            requirePositive(figure.name(), figure.value());
            Precision precision;
            Optional<Precision> known = Precision.wellKnown(format);
            if (known.isPresent()) {
                precision = known.get();
            } else {
                Matcher bits = FORMAT_WITH_BITS.matcher(format);
                if (!bits.matches()) {
                    throw problem(figure.name(), "names neither a well-known format " + Precision.WELL_KNOWN.stream()
                            .map(Precision::name).toList() + " nor one ending in its bit width (such as tf32)");
                }
                precision = new Precision(format, Integer.parseInt(bits.group(1)));
            }
            if (precisions.contains(precision)) {
                throw problem(figure.name(), "repeats the peak of " + precision.name() + " (an alias?); keep one");
            }
            precisions.add(precision);
        }
        if (precisions.isEmpty()) {
            throw new HardwareDataException(resource + ": accelerator '" + id + "' has no '" + PEAK_PREFIX
                    + "<format>' figure; add one per format the chip computes in");
        }
        return List.copyOf(precisions);
    }

    /**
     * The dense peak in a format.
     *
     * @param precision a format of {@link #peakPrecisions()}
     * @return operations per second
     * @throws HardwareDataException when the sheet has no peak for it
     * @since 0.1
     */
    public double peakFlopsPerSecond(Precision precision) {
        return positive(PEAK_PREFIX + precision.name());
    }

    /**
     * The chip's price from {@code price.purchaseUsd} and {@code price.usdPerChipHour}, when either is given.
     *
     * @return the price, or empty
     * @since 0.1
     */
    public Optional<Price> price() {
        OptionalDouble purchase = has("price.purchaseUsd")
                ? OptionalDouble.of(positive("price.purchaseUsd")) : OptionalDouble.empty();
        OptionalDouble hourly = has("price.usdPerChipHour")
                ? OptionalDouble.of(positive("price.usdPerChipHour")) : OptionalDouble.empty();
        if (purchase.isEmpty() && hourly.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Price(purchase, hourly));
    }

    /**
     * A problem with one figure, worded for the user.
     *
     * @param name figure name
     * @param what what is wrong, e.g. {@code must be > 0, got 0}
     * @return the exception, naming the resource, the chip and the figure
     * @since 0.1
     */
    public HardwareDataException problem(String name, String what) {
        return new HardwareDataException(resource + ": accelerator '" + id + "' figure '" + name + "' " + what);
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
