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
 *   <li>{@code sram.capacityBytes}, {@code sram.bytesPerSecond} — required;</li>
 *   <li>{@code sram.programFraction}, {@code sram.activationFraction} — required, each in [0, 1) and together below
 *       1: the SRAM the compiled program (instructions are fetched from the same SRAM) and the activation buffers
 *       of a prompt keep on every chip. Weights and the KV cache get the rest, so the tier's usable fraction is
 *       {@code 1 − programFraction − activationFraction}; a {@code sram.usableFraction} figure is refused, as it
 *       would say the same thing twice;</li>
 *   <li>{@code compute.achievableFraction}, {@code sram.achievableFraction} — required (assumptions: the share
 *       of peak a compiler-scheduled kernel sustains);</li>
 *   <li>{@code chipLink.count}, {@code chipLink.bytesPerSecond} (per link, one direction),
 *       {@code hop.latencySeconds}, {@code scaleUp.domainChips} — required;</li>
 *   <li>{@code layer.scheduleSeconds} — optional, default 0: a hardware part of each layer's time that the modelled
 *       SRAM reads, collectives and hand-offs leave out, where a sheet knows one. The time Groq's compiled program
 *       adds per layer (its measured pace is about 42 µs a layer for an 8B and a 70B model alike) is the serving
 *       stack's, which the calibration fits as the stack's {@code layerSeconds} on the LPU family;</li>
 *   <li>{@code node.chips}, {@code rack.nodes} — required: the topology's units (a GroqNode of 8 cards, a GroqRack
 *       of 9 nodes), the node being the unit a buyer gets;</li>
 *   <li>{@code node.hops}, {@code rack.hops}, {@code system.hops} — required, each at least the one before: the C2C
 *       hops of the longest minimal route between two chips of one node, of one rack, and of the whole system;</li>
 *   <li>{@code scaleOut.bytesPerSecond} — optional, defaults to one chip link: Groq joins racks with the same
 *       chip-to-chip links (a Dragonfly of global links), so a chip leaves its rack over one link;</li>
 *   <li>{@code scaleOut.latencySeconds} — optional, defaults to {@code system.hops} hops: the longest minimal
 *       route between racks;</li>
 *   <li>{@code power.peakWatts}, {@code power.idleWatts}, {@code node.overheadWattsPerChip} — required;</li>
 *   <li>{@code price.purchaseUsd}, {@code price.usdPerChipHour} — optional.</li>
 * </ul>
 */
record LpuChip(String id, List<Precision> precisions, List<Double> peakFlopsPerSecond,
               double sramCapacityBytes, double sramBytesPerSecond, double sramProgramFraction,
               double sramActivationFraction,
               double computeAchievableFraction, double sramAchievableFraction,
               int chipLinkCount, double chipLinkBytesPerSecond, double hopLatencySeconds,
               double layerScheduleSeconds, int scaleUpDomainChips, LpuTopology topology,
               double scaleOutBytesPerSecond, double scaleOutLatencySeconds,
               double peakWatts, double idleWatts, double nodeOverheadWattsPerChip,
               Optional<Price> price) {

    /** @return the share of SRAM left to weights and the KV cache: {@code 1 − program − activation} */
    double sramUsableFraction() {
        return 1 - sramProgramFraction - sramActivationFraction;
    }

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
        if (sheet.has("sram.usableFraction")) {
            throw fault(sheet, "has figure 'sram.usableFraction'; an LPU's usable SRAM is what"
                    + " sram.programFraction and sram.activationFraction leave, so give those instead");
        }
        LpuTopology topology = LpuTopology.read(sheet);
        double programFraction = sheet.value("sram.programFraction");
        double activationFraction = sheet.value("sram.activationFraction");
        if (!(programFraction + activationFraction < 1)) {
            throw fault(sheet, "keeps sram.programFraction " + programFraction + " + sram.activationFraction "
                    + activationFraction + " of its SRAM for programs and activations, leaving nothing for weights;"
                    + " together they must be below 1");
        }
        return new LpuChip(sheet.id(), List.copyOf(precisions), List.copyOf(peaks),
                sheet.positive("sram.capacityBytes"),
                sheet.positive("sram.bytesPerSecond"),
                programFraction,
                activationFraction,
                sheet.fraction("compute.achievableFraction"),
                sheet.fraction("sram.achievableFraction"),
                sheet.count("chipLink.count"),
                linkBytesPerSecond,
                hopLatencySeconds,
                sheet.nonNegative("layer.scheduleSeconds", 0),
                sheet.count("scaleUp.domainChips"),
                topology,
                sheet.positive("scaleOut.bytesPerSecond", linkBytesPerSecond),
                sheet.nonNegative("scaleOut.latencySeconds", topology.systemHops() * hopLatencySeconds),
                peakWatts,
                idleWatts,
                sheet.value("node.overheadWattsPerChip"),
                sheet.price());
    }

    static HardwareDataException fault(AcceleratorSheet sheet, String what) {
        return new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "' " + what);
    }
}
