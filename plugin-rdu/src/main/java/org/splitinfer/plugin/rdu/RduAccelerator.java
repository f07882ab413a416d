package org.splitinfer.plugin.rdu;

import java.util.List;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;

/**
 * One RDU socket (one SN40L chip with its HBM and DDR) and its models.
 *
 * <h2>Notes</h2>
 * <p>Besides the SPI's models it prices a model switch ({@link #modelSwitchSeconds}): SambaNova keeps many
 * models ("experts" of a Composition of Experts) in DDR and copies the active one into HBM; the copy runs at DDR
 * speed, the slower end, on every socket at once, so a model of {@code W} bytes on {@code n} sockets switches
 * in {@code (W ÷ n) ÷ ddr.bytesPerSecond} (Prabhakar et al., arXiv:2405.07518, 2024, on model switching).
 *
 * <p>Immutable and thread-safe.
 */
public final class RduAccelerator implements Accelerator {
    private final AcceleratorSpec spec;
    private final RduRoofline roofline;
    private final RduMemoryModel memory;
    private final RduInterconnect interconnect;
    private final RduPowerModel power;
    private final Optional<Price> price;
    private final double ddrBytesPerSecond;

    private RduAccelerator(AcceleratorSpec spec, RduRoofline roofline, RduMemoryModel memory,
                           RduInterconnect interconnect, RduPowerModel power, Optional<Price> price) {
        this.spec = spec;
        this.roofline = roofline;
        this.memory = memory;
        this.interconnect = interconnect;
        this.power = power;
        this.price = price;
        this.ddrBytesPerSecond = memory.tier(RduMemoryModel.DDR).bytesPerSecond();
    }

    /**
     * Builds a socket from its sheet entry.
     *
     * @param spec  the spec ({@code HardwareSheet.spec(sheet)})
     * @param sheet its sheet
     * @return the accelerator
     * @throws HardwareDataException naming the figure that is missing or out of range
     */
    public static RduAccelerator fromSheet(AcceleratorSpec spec, AcceleratorSheet sheet) {
        try {
            RduMemoryModel memory = new RduMemoryModel(
                    tier(sheet, RduMemoryModel.SRAM, false, sheet.fraction("sram.usableFraction", 1)),
                    tier(sheet, RduMemoryModel.HBM, true, sheet.fraction("hbm.usableFraction")),
                    tier(sheet, RduMemoryModel.DDR, false, sheet.fraction("ddr.usableFraction", 1)));
            List<Precision> precisions = sheet.peakPrecisions();
            double[] peaks = new double[precisions.size()];
            for (int i = 0; i < peaks.length; i++) {
                peaks[i] = sheet.peakFlopsPerSecond(precisions.get(i));
            }
            RduRoofline roofline = new RduRoofline(sheet.id(), precisions, peaks,
                    sheet.fraction("efficiency.compute", 1), memory, sheet.fraction("efficiency.memory", 1),
                    sheet.nonNegative("dataflow.stageSwitchSeconds", 0));
            RduInterconnect interconnect = new RduInterconnect(sheet.count("scaleUp.domainChips"),
                    sheet.positive("scaleUp.bytesPerSecond"), sheet.value("scaleUp.latencySeconds"),
                    sheet.positive("scaleOut.bytesPerSecond"), sheet.value("scaleOut.latencySeconds"));
            RduPowerModel power = new RduPowerModel(sheet.positive("power.idleWatts"),
                    sheet.positive("power.peakWatts"), sheet.value("node.overheadWattsPerChip"));
            return new RduAccelerator(spec, roofline, memory, interconnect, power, sheet.price());
        } catch (IllegalArgumentException e) {
            throw new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public AcceleratorSpec spec() {
        return spec;
    }

    @Override
    public RduRoofline roofline() {
        return roofline;
    }

    @Override
    public RduMemoryModel memory() {
        return memory;
    }

    @Override
    public RduInterconnect interconnect() {
        return interconnect;
    }

    @Override
    public RduPowerModel power() {
        return power;
    }

    @Override
    public Optional<Price> price() {
        return price;
    }

    /**
     * Time to switch a socket to another model: copy its share of the new model's weights from DDR into HBM.
     *
     * @param bytesPerSocket weight bytes each socket copies ({@code model bytes ÷ sockets}), {@code >= 0}
     * @return seconds, {@code bytesPerSocket ÷ ddr.bytesPerSecond}
     */
    public double modelSwitchSeconds(double bytesPerSocket) {
        if (!(bytesPerSocket >= 0) || Double.isInfinite(bytesPerSocket)) {
            throw new IllegalArgumentException("bytesPerSocket must be finite and >= 0, got " + bytesPerSocket);
        }
        return bytesPerSocket / ddrBytesPerSecond;
    }

    @Override
    public String toString() {
        return "RduAccelerator[" + spec.id() + "]";
    }

    private static MemoryTier tier(AcceleratorSheet sheet, String name, boolean fullSpeed, double usableFraction) {
        return new MemoryTier(name, sheet.positive(name + ".capacityBytes"),
                sheet.positive(name + ".bytesPerSecond"), fullSpeed, usableFraction);
    }
}
