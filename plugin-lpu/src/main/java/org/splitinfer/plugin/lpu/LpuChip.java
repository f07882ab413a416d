package org.splitinfer.plugin.lpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;

/**
 * The figures one LPU's models read from its sheet entry, checked once so that the models can trust them.
 *
 * <p>Figures read (units in the names; "required" ones throw a {@link HardwareDataException} naming the gap):
 * <ul>
 *   <li>{@code peak.flopsPerSecond.<precision>} — dense peak per compute format, at least one, required;
 *       the precisions listed are the chip's compute precisions, a
 *       format the SPI does not name being read with the bits its name ends in ({@code fp6}, {@code cb16});</li>
 *   <li>{@code sram.capacityBytes}, {@code sram.bytesPerSecond}, {@code sram.usableFraction} — required;</li>
 *   <li>{@code compute.achievableFraction}, {@code sram.achievableFraction} — required (assumptions: the share
 *       of peak a compiler-scheduled kernel sustains);</li>
 *   <li>{@code chipLink.count}, {@code chipLink.bytesPerSecond} (per link, one direction),
 *       {@code hop.latencySeconds}, {@code layer.scheduleSeconds}, {@code scaleUp.domainChips} — required;</li>
 *   <li>{@code scaleOut.bytesPerSecond} — optional, defaults to one chip link: Groq joins racks with the same
 *       chip-to-chip links (a Dragonfly of global links), so a chip leaves its rack over one link;</li>
 *   <li>{@code scaleOut.latencySeconds} — optional, defaults to three hops: a minimal Dragonfly route between
 *       racks is local, global, local;</li>
 *   <li>{@code power.peakWatts}, {@code power.idleWatts}, {@code node.overheadWattsPerChip} — required;</li>
 *   <li>{@code price.purchaseUsd}, {@code price.usdPerChipHour} — optional.</li>
 * </ul>
 */
record LpuChip(String id, List<Precision> precisions, List<Double> peakFlopsPerSecond,
               double sramCapacityBytes, double sramBytesPerSecond, double sramUsableFraction,
               double computeAchievableFraction, double sramAchievableFraction,
               int chipLinkCount, double chipLinkBytesPerSecond, double hopLatencySeconds,
               double layerScheduleSeconds, int scaleUpDomainChips,
               double scaleOutBytesPerSecond, double scaleOutLatencySeconds,
               double peakWatts, double idleWatts, double nodeOverheadWattsPerChip,
               Optional<Price> price) {



    /**
     * Reads and checks one chip's figures.
     *
     * @param sheet the chip's sheet entry
     * @return the figures
     * @throws HardwareDataException naming the resource, the chip and the figure at fault
     */
    static LpuChip read(AcceleratorSheet sheet) {
        List<Precision> precisions = sheet.peakPrecisions();
        List<Double> peaks = new ArrayList<>();
        for (Precision precision : precisions) {
            peaks.add(sheet.peakFlopsPerSecond(precision));
        }
        double linkBytesPerSecond = sheet.positive("chipLink.bytesPerSecond");
        double hopLatencySeconds = sheet.value("hop.latencySeconds");
        double peakWatts = sheet.positive("power.peakWatts");
        double idleWatts = sheet.positive("power.idleWatts");
        if (idleWatts > peakWatts) {
            throw fault(sheet, "has power.idleWatts " + idleWatts + " above power.peakWatts " + peakWatts
                    + "; idle must not exceed peak");
        }
        return new LpuChip(sheet.id(), List.copyOf(precisions), List.copyOf(peaks),
                sheet.positive("sram.capacityBytes"),
                sheet.positive("sram.bytesPerSecond"),
                sheet.fraction("sram.usableFraction"),
                sheet.fraction("compute.achievableFraction"),
                sheet.fraction("sram.achievableFraction"),
                sheet.count("chipLink.count"),
                linkBytesPerSecond,
                hopLatencySeconds,
                sheet.value("layer.scheduleSeconds"),
                sheet.count("scaleUp.domainChips"),
                sheet.positive("scaleOut.bytesPerSecond", linkBytesPerSecond),
                sheet.nonNegative("scaleOut.latencySeconds", 3 * hopLatencySeconds),
                peakWatts,
                idleWatts,
                sheet.value("node.overheadWattsPerChip"),
                sheet.price());
    }

    private static HardwareDataException fault(AcceleratorSheet sheet, String what) {
        return new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "' " + what);
    }
}
