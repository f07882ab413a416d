package org.splitinfer.plugin.riscv;

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
 * One Tenstorrent chip (the chip of an n150, one of the two of an n300, one of the 32 of a Galaxy, a Blackhole
 * p150) and its models. The same chip serves prefill and decode (the "unified platform"): nothing here depends
 * on the phase.
 *
 * <p>Immutable and thread-safe.
 */
public final class RiscvAccelerator implements Accelerator {
    private final AcceleratorSpec spec;
    private final RiscvRoofline roofline;
    private final RiscvMemoryModel memory;
    private final RiscvMeshInterconnect interconnect;
    private final RiscvPowerModel power;
    private final Optional<Price> price;
    private final int tensixCores;

    private RiscvAccelerator(AcceleratorSpec spec, RiscvRoofline roofline, RiscvMemoryModel memory,
                             RiscvMeshInterconnect interconnect, RiscvPowerModel power, Optional<Price> price,
                             int tensixCores) {
        this.spec = spec;
        this.roofline = roofline;
        this.memory = memory;
        this.interconnect = interconnect;
        this.power = power;
        this.price = price;
        this.tensixCores = tensixCores;
    }

    /**
     * Builds a chip from its sheet entry.
     *
     * @param spec  the spec ({@code HardwareSheet.spec(sheet)})
     * @param sheet its sheet
     * @return the accelerator
     * @throws HardwareDataException naming the figure that is missing or out of range
     */
    public static RiscvAccelerator fromSheet(AcceleratorSpec spec, AcceleratorSheet sheet) {
        try {
            int cores = sheet.count("tensix.cores");
            double sramBytes;
            if (sheet.has("sram.capacityBytes")) {
                sramBytes = sheet.positive("sram.capacityBytes");
            } else if (sheet.has("tensix.l1BytesPerCore")) {
                sramBytes = cores * sheet.positive("tensix.l1BytesPerCore");
            } else {
                throw sheet.problem("tensix.l1BytesPerCore", "is missing (nor is there a chip-wide "
                        + "'sram.capacityBytes'); add the L1 bytes of one Tensix core with a source or an assumption");
            }
            RiscvMemoryModel memory = new RiscvMemoryModel(
                    new MemoryTier(RiscvMemoryModel.SRAM, sramBytes, sheet.positive("sram.bytesPerSecond"), false,
                            sheet.fraction("sram.usableFraction", 1)),
                    new MemoryTier(RiscvMemoryModel.GDDR, sheet.positive("gddr.capacityBytes"),
                            sheet.positive("gddr.bytesPerSecond"), true, sheet.fraction("gddr.usableFraction")));
            List<Precision> precisions = sheet.peakPrecisions();
            double[] peaks = new double[precisions.size()];
            for (int i = 0; i < peaks.length; i++) {
                peaks[i] = sheet.peakFlopsPerSecond(precisions.get(i));
            }
            RiscvRoofline roofline = new RiscvRoofline(sheet.id(), precisions, peaks,
                    sheet.fraction("efficiency.compute", 1), memory, sheet.fraction("efficiency.memory", 1),
                    sheet.nonNegative("kernel.launchSeconds", 0), sheet.nonNegative("kernel.tracedLaunchSeconds", 0),
                    cores, sheet.has("attention.decodeHeadCores")
                            ? sheet.count("attention.decodeHeadCores") : 0);
            RiscvMeshInterconnect interconnect = new RiscvMeshInterconnect(sheet.count("mesh.rows"),
                    sheet.count("mesh.columns"), sheet.count("ethernet.links"),
                    sheet.positive("ethernet.bytesPerSecond"), sheet.value("ethernet.hopLatencySeconds"),
                    sheet.positive("scaleOut.bytesPerSecond"), sheet.value("scaleOut.latencySeconds"));
            RiscvPowerModel power = new RiscvPowerModel(sheet.positive("power.idleWatts"),
                    sheet.positive("power.peakWatts"), sheet.value("node.overheadWattsPerChip"));
            return new RiscvAccelerator(spec, roofline, memory, interconnect, power, sheet.price(), cores);
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
    public RiscvRoofline roofline() {
        return roofline;
    }

    @Override
    public RiscvMemoryModel memory() {
        return memory;
    }

    @Override
    public RiscvMeshInterconnect interconnect() {
        return interconnect;
    }

    @Override
    public RiscvPowerModel power() {
        return power;
    }

    @Override
    public Optional<Price> price() {
        return price;
    }

    /** @return Tensix cores on the chip */
    public int tensixCores() {
        return tensixCores;
    }

    @Override
    public String toString() {
        return "RiscvAccelerator[" + spec.id() + "]";
    }
}
