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
     * @param sheet its figures
     * @return the accelerator
     * @throws HardwareDataException naming the figure that is missing or out of range
     */
    public static RiscvAccelerator fromSheet(AcceleratorSpec spec, AcceleratorSheet sheet) {
        SheetFigures figures = new SheetFigures(sheet);
        try {
            int cores = figures.count("tensix.cores");
            double sramBytes;
            if (figures.has("sram.capacityBytes")) {
                sramBytes = figures.positive("sram.capacityBytes");
            } else if (figures.has("tensix.l1BytesPerCore")) {
                sramBytes = cores * figures.positive("tensix.l1BytesPerCore");
            } else {
                throw figures.problem("tensix.l1BytesPerCore", "is missing (nor is there a chip-wide "
                        + "'sram.capacityBytes'); add the L1 bytes of one Tensix core with a source or an assumption");
            }
            RiscvMemoryModel memory = new RiscvMemoryModel(
                    new MemoryTier(RiscvMemoryModel.SRAM, sramBytes, figures.positive("sram.bytesPerSecond"), false,
                            figures.fraction("sram.usableFraction", 1)),
                    new MemoryTier(RiscvMemoryModel.GDDR, figures.positive("gddr.capacityBytes"),
                            figures.positive("gddr.bytesPerSecond"), true, figures.fraction("gddr.usableFraction")));
            List<Precision> precisions = figures.precisions();
            double[] peaks = new double[precisions.size()];
            for (int i = 0; i < peaks.length; i++) {
                peaks[i] = figures.peak(precisions.get(i));
            }
            RiscvRoofline roofline = new RiscvRoofline(sheet.id(), precisions, peaks,
                    figures.fraction("efficiency.compute", 1), memory, figures.fraction("efficiency.memory", 1),
                    figures.nonNegative("kernel.launchSeconds", 0));
            RiscvMeshInterconnect interconnect = new RiscvMeshInterconnect(figures.count("mesh.rows"),
                    figures.count("mesh.columns"), figures.count("ethernet.links"),
                    figures.positive("ethernet.bytesPerSecond"), figures.required("ethernet.hopLatencySeconds"),
                    figures.positive("scaleOut.bytesPerSecond"), figures.required("scaleOut.latencySeconds"));
            RiscvPowerModel power = new RiscvPowerModel(figures.positive("power.idleWatts"),
                    figures.positive("power.peakWatts"), figures.required("node.overheadWattsPerChip"));
            return new RiscvAccelerator(spec, roofline, memory, interconnect, power, figures.price(), cores);
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
