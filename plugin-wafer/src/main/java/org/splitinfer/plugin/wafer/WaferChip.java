package org.splitinfer.plugin.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.splitinfer.spi.AcceleratorSheet;
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
 *   <li>{@code fabric.cores}, {@code fabric.clockHertz}, {@code fabric.hopCycles}, {@code fabric.rampCycles} —
 *       required: the on-wafer mesh ({@link WaferFabric}): cores, their clock, cycles for a wavelet to cross one link,
 *       and cycles between a core's router and its processor;</li>
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
                 WaferFabric fabric, double systemIoBytesPerSecond, double scaleOutLatencySeconds,
                 int scaleUpDomainChips, double peakWatts, double idleWatts, double nodeOverheadWattsPerChip,
                 Optional<Price> price) {

    /**
     * Reads and checks one wafer's figures.
     *
     * @param sheet the wafer's sheet entry
     * @return the figures
     * @throws HardwareDataException naming the resource, the chip and the figure at fault
     */
    static WaferChip read(AcceleratorSheet sheet) {
        List<Precision> precisions = sheet.peakPrecisions();
        List<Double> peaks = new ArrayList<>();
        for (Precision precision : precisions) {
            peaks.add(sheet.peakFlopsPerSecond(precision));
        }
        double peakWatts = sheet.positive("power.peakWatts");
        double idleWatts = sheet.positive("power.idleWatts");
        if (idleWatts > peakWatts) {
            throw fault(sheet, "has power.idleWatts " + idleWatts + " above power.peakWatts " + peakWatts
                    + "; idle must not exceed peak");
        }
        double externalUsable = sheet.fraction("external.usableFraction", 1);
        return new WaferChip(sheet.id(), List.copyOf(precisions), List.copyOf(peaks),
                sheet.positive("sram.capacityBytes"),
                sheet.positive("sram.bytesPerSecond"),
                sheet.fraction("sram.usableFraction"),
                sheet.positive("external.capacityBytes"),
                sheet.positive("external.bytesPerSecond"),
                externalUsable,
                sheet.fraction("compute.achievableFraction"),
                sheet.fraction("sram.achievableFraction"),
                sheet.fraction("external.achievableFraction"),
                new WaferFabric(sheet.positive("fabric.cores"), sheet.positive("fabric.clockHertz"),
                        sheet.positive("fabric.hopCycles"), sheet.positive("fabric.rampCycles")),
                sheet.positive("systemIo.bytesPerSecond"),
                sheet.value("scaleOut.latencySeconds"),
                sheet.has("scaleUp.domainChips") ? sheet.count("scaleUp.domainChips") : 1,
                peakWatts,
                idleWatts,
                sheet.value("node.overheadWattsPerChip"),
                sheet.price());
    }

    private static HardwareDataException fault(AcceleratorSheet sheet, String what) {
        return new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "' " + what);
    }
}
