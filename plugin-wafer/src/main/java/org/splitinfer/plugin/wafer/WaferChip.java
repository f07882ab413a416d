package org.splitinfer.plugin.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;

/**
 * The figures one wafer's models read from its sheet entry, checked once so that the models can trust them.
 * An id is one wafer; the CS system that houses it supplies its I/O, its node power and its price.
 *
 * <p>Figures read (units in the names; "required" ones throw a {@link HardwareDataException} naming the gap):
 * <ul>
 *   <li>{@code peak.flopsPerSecond.<precision>} — dense (not sparse) peak per compute format, at least one,
 *       required; the precisions listed are the wafer's compute precisions, a
 *       format the SPI does not name being read with the bits its name ends in ({@code fp6}, {@code cb16});</li>
 *   <li>{@code sram.capacityBytes}, {@code sram.bytesPerSecond}, {@code sram.usableFraction} — required;</li>
 *   <li>{@code external.capacityBytes}, {@code external.bytesPerSecond} — required: MemoryX, the weight store a
 *       weight-streaming placement reads from; {@code external.usableFraction} — optional, default 1: MemoryX holds
 *       only the weights the host lays out in it, no runtime state;</li>
 *   <li>{@code compute.achievableFraction}, {@code sram.achievableFraction}, {@code external.achievableFraction} —
 *       required (assumptions: the share of peak a kernel sustains from each);</li>
 *   <li>{@code fabric.layerLatencySeconds} — required: what each layer adds as activations cross the wafer's fabric
 *       from one layer's cores to the next;</li>
 *   <li>{@code systemIo.bytesPerSecond} — required: the CS system's I/O (1.2 Tb/s = 150e9 B/s), the only path off
 *       the wafer, for activations between wafers and KV cache in or out; {@code scaleOut.latencySeconds} —
 *       required: one crossing of that path;</li>
 *   <li>{@code scaleUp.domainChips} — optional, default 1: nothing joins wafers more closely than the system I/O;</li>
 *   <li>{@code power.peakWatts}, {@code power.idleWatts} (the wafer), {@code node.overheadWattsPerChip} (the rest
 *       of its CS system: system power − wafer power) — required;</li>
 *   <li>{@code price.purchaseUsd}, {@code price.usdPerChipHour} — optional, one CS system's price.</li>
 * </ul>
 */
record WaferChip(String id, List<Precision> precisions, List<Double> peakFlopsPerSecond,
                 double sramCapacityBytes, double sramBytesPerSecond, double sramUsableFraction,
                 double externalCapacityBytes, double externalBytesPerSecond, double externalUsableFraction,
                 double computeAchievableFraction, double sramAchievableFraction, double externalAchievableFraction,
                 double fabricLayerLatencySeconds, double systemIoBytesPerSecond, double scaleOutLatencySeconds,
                 int scaleUpDomainChips, double peakWatts, double idleWatts, double nodeOverheadWattsPerChip,
                 Optional<Price> price) {

    static final String PEAK_PREFIX = "peak.flopsPerSecond.";

    private static final Pattern NAME_WITH_BITS = Pattern.compile("[a-z]+([1-9][0-9]?)");

    /**
     * Reads and checks one wafer's figures.
     *
     * @param sheet the wafer's sheet entry
     * @return the figures
     * @throws HardwareDataException naming the resource, the chip and the figure at fault
     */
    static WaferChip read(AcceleratorSheet sheet) {
        List<Precision> precisions = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        for (Figure figure : sheet.figures()) {
            if (!figure.name().startsWith(PEAK_PREFIX)) {
                continue;
            }
            String format = figure.name().substring(PEAK_PREFIX.length());
            Precision precision = precision(format).orElseThrow(() -> fault(sheet,
                    "figure '" + figure.name() + "' names an unknown precision '" + format + "'; use one of "
                            + Precision.WELL_KNOWN.stream().map(Precision::name).toList()
                            + " or a lowercase name ending in its bits per element, such as fp6 or cb16"));
            if (precisions.contains(precision)) {
                throw fault(sheet, "lists the peak of " + precision.name() + " twice (an alias?); keep one");
            }
            precisions.add(precision);
            peaks.add(positive(sheet, figure.name(), figure.value()));
        }
        if (precisions.isEmpty()) {
            throw fault(sheet, "has no '" + PEAK_PREFIX + "<precision>' figure; add the dense peak of each format "
                    + "the wafer computes in");
        }
        double peakWatts = required(sheet, "power.peakWatts");
        double idleWatts = required(sheet, "power.idleWatts");
        if (idleWatts > peakWatts) {
            throw fault(sheet, "has power.idleWatts " + idleWatts + " above power.peakWatts " + peakWatts
                    + "; idle must not exceed peak");
        }
        double externalUsable = sheet.has("external.usableFraction") ? fraction(sheet, "external.usableFraction") : 1;
        return new WaferChip(sheet.id(), List.copyOf(precisions), List.copyOf(peaks),
                required(sheet, "sram.capacityBytes"),
                required(sheet, "sram.bytesPerSecond"),
                fraction(sheet, "sram.usableFraction"),
                required(sheet, "external.capacityBytes"),
                required(sheet, "external.bytesPerSecond"),
                externalUsable,
                fraction(sheet, "compute.achievableFraction"),
                fraction(sheet, "sram.achievableFraction"),
                fraction(sheet, "external.achievableFraction"),
                nonNegative(sheet, "fabric.layerLatencySeconds", sheet.value("fabric.layerLatencySeconds")),
                required(sheet, "systemIo.bytesPerSecond"),
                nonNegative(sheet, "scaleOut.latencySeconds", sheet.value("scaleOut.latencySeconds")),
                sheet.has("scaleUp.domainChips") ? count(sheet, "scaleUp.domainChips") : 1,
                peakWatts,
                idleWatts,
                nonNegative(sheet, "node.overheadWattsPerChip", sheet.value("node.overheadWattsPerChip")),
                price(sheet));
    }

    /**
     * A well-known precision, or one the SPI does not name (Cerebras' cb16, fp6) whose storage bits are the digits
     * that end its name: datasheets list such formats, and dropping their peaks would lose data the host may use.
     */
    static Optional<Precision> precision(String name) {
        Optional<Precision> known = Precision.wellKnown(name);
        if (known.isPresent()) {
            return known;
        }
        Matcher matcher = NAME_WITH_BITS.matcher(name);
        return matcher.matches() ? Optional.of(new Precision(name, Integer.parseInt(matcher.group(1))))
                : Optional.empty();
    }

    private static Optional<Price> price(AcceleratorSheet sheet) {
        OptionalDouble purchase = sheet.has("price.purchaseUsd")
                ? OptionalDouble.of(required(sheet, "price.purchaseUsd")) : OptionalDouble.empty();
        OptionalDouble hourly = sheet.has("price.usdPerChipHour")
                ? OptionalDouble.of(required(sheet, "price.usdPerChipHour")) : OptionalDouble.empty();
        if (purchase.isEmpty() && hourly.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Price(purchase, hourly));
    }

    private static double required(AcceleratorSheet sheet, String name) {
        return positive(sheet, name, sheet.value(name));
    }

    private static double positive(AcceleratorSheet sheet, String name, double value) {
        if (!(value > 0)) {
            throw fault(sheet, "has figure '" + name + "' = " + value + "; it must be > 0");
        }
        return value;
    }

    private static double nonNegative(AcceleratorSheet sheet, String name, double value) {
        if (!(value >= 0)) {
            throw fault(sheet, "has figure '" + name + "' = " + value + "; it must be >= 0");
        }
        return value;
    }

    private static double fraction(AcceleratorSheet sheet, String name) {
        double value = sheet.value(name);
        if (!(value > 0 && value <= 1)) {
            throw fault(sheet, "has figure '" + name + "' = " + value + "; a fraction must be in (0, 1]");
        }
        return value;
    }

    private static int count(AcceleratorSheet sheet, String name) {
        double value = required(sheet, name);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw fault(sheet, "has figure '" + name + "' = " + value + "; it must be a whole number");
        }
        return (int) value;
    }

    private static HardwareDataException fault(AcceleratorSheet sheet, String what) {
        return new HardwareDataException(String.format(Locale.ROOT, "%s: accelerator '%s' %s",
                sheet.resource(), sheet.id(), what));
    }
}
