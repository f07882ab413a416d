package org.splitinfer.plugin.optical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Residency;

/**
 * One electro-optical accelerator chip and its models, plus the energy of its kernels
 * ({@link #conversionJoules}, {@link #kernelJoules}; see {@link OpticalEnergyModel}).
 *
 * <p>What a "chip" is for an optical part is itself an assumption where the vendor publishes only a system
 * (Lumai: 1 exaOPS within 10 kW, by 2029): the sheet states the granularity it chose. Projected parts carry
 * {@code status: PROJECTED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpticalAccelerator implements Accelerator {
    private final AcceleratorSpec spec;
    private final OpticalRoofline roofline;
    private final OpticalMemoryModel memory;
    private final OpticalInterconnect interconnect;
    private final OpticalPowerModel power;
    private final OpticalEnergyModel energy;
    private final Optional<Price> price;

    private OpticalAccelerator(AcceleratorSpec spec, OpticalRoofline roofline, OpticalMemoryModel memory,
                               OpticalInterconnect interconnect, OpticalPowerModel power, OpticalEnergyModel energy,
                               Optional<Price> price) {
        this.spec = spec;
        this.roofline = roofline;
        this.memory = memory;
        this.interconnect = interconnect;
        this.power = power;
        this.energy = energy;
        this.price = price;
    }

    /**
     * Builds a chip from its sheet entry.
     *
     * @param spec  the spec ({@code HardwareSheet.spec(sheet)})
     * @param sheet its sheet
     * @return the accelerator
     * @throws HardwareDataException naming the figure that is missing or out of range
     */
    public static OpticalAccelerator fromSheet(AcceleratorSpec spec, AcceleratorSheet sheet) {
        try {
            List<MemoryTier> tiers = new ArrayList<>();
            MemoryTier largestFullSpeed = null;
            for (String name : OpticalMemoryModel.TIER_NAMES) {
                if (sheet.has(name + ".capacityBytes")) {
                    boolean fullSpeed = OpticalMemoryModel.isFullSpeed(name);
                    MemoryTier tier = new MemoryTier(name, sheet.positive(name + ".capacityBytes"),
                            sheet.positive(name + ".bytesPerSecond"), fullSpeed,
                            sheet.fraction(name + ".usableFraction", 1));
                    tiers.add(tier);
                    if (fullSpeed && (largestFullSpeed == null
                            || tier.capacityBytes() > largestFullSpeed.capacityBytes())) {
                        largestFullSpeed = tier;
                    }
                }
            }
            if (largestFullSpeed == null) {
                throw sheet.problem("hbm.capacityBytes", "is missing, and so is every other full-speed tier "
                        + "(sram, hbm, gddr); an optical engine streams its operands from electronic memory: "
                        + "add one, marked as an assumption if the vendor publishes none");
            }
            // The tier that decides fitting must say how much of it a deployment may fill.
            sheet.fraction(largestFullSpeed.name() + ".usableFraction");
            OpticalMemoryModel memory = new OpticalMemoryModel(tiers);
            List<Precision> precisions = sheet.peakPrecisions();
            double[] peaks = new double[precisions.size()];
            for (int i = 0; i < peaks.length; i++) {
                peaks[i] = sheet.peakFlopsPerSecond(precisions.get(i));
            }
            OpticalRoofline roofline = new OpticalRoofline(sheet.id(), precisions, peaks,
                    sheet.fraction("efficiency.compute", 1), memory, sheet.fraction("efficiency.memory", 1),
                    vectorElements(sheet), sheet.value("conversion.secondsPerVector"),
                    new OpticalArray(sheet.count("opticalMatrix.rows"), sheet.count("opticalMatrix.columns"),
                            sheet.count("opticalMatrix.count"), sheet.value("opticalMatrix.loadSeconds")));
            double[] joulesPerByte = new double[memory.tiers().size()];
            for (int i = 0; i < joulesPerByte.length; i++) {
                // Memory energy is an addition the time model does not need; a sheet without it prices none.
                joulesPerByte[i] = sheet.nonNegative(memory.tiers().get(i).name() + ".joulesPerByte", 0);
            }
            OpticalPowerModel power = new OpticalPowerModel(sheet.positive("power.idleWatts"),
                    sheet.positive("power.peakWatts"), sheet.value("node.overheadWattsPerChip"));
            OpticalEnergyModel energy = new OpticalEnergyModel(roofline, power.peakWatts(),
                    joulesPerVector(sheet), memory.tiers(), joulesPerByte);
            OpticalInterconnect interconnect = new OpticalInterconnect(sheet.count("scaleUp.domainChips"),
                    sheet.positive("scaleUp.bytesPerSecond"), sheet.value("scaleUp.latencySeconds"),
                    sheet.positive("scaleOut.bytesPerSecond"), sheet.value("scaleOut.latencySeconds"));
            return new OpticalAccelerator(spec, roofline, memory, interconnect, power, energy, sheet.price());
        } catch (IllegalArgumentException e) {
            throw new HardwareDataException(sheet.resource() + ": accelerator '" + sheet.id() + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * Elements per converted vector: {@code conversion.vectorElements}, else the optical array's input width
     * {@code opticalMatrix.columns} (the name the researched sheet uses).
     */
    private static int vectorElements(AcceleratorSheet sheet) {
        if (sheet.has("conversion.vectorElements") || !sheet.has("opticalMatrix.columns")) {
            return sheet.count("conversion.vectorElements");
        }
        return sheet.count("opticalMatrix.columns");
    }

    /**
     * Conversion energy per vector: {@code conversion.joulesPerVector}, else {@code conversion.joulesPerByte ×
     * (opticalMatrix.rows + opticalMatrix.columns)}: one 8-bit DAC sample per input element and one ADC sample per
     * output element of a pass.
     */
    private static double joulesPerVector(AcceleratorSheet sheet) {
        if (sheet.has("conversion.joulesPerVector") || !sheet.has("conversion.joulesPerByte")) {
            return sheet.value("conversion.joulesPerVector");
        }
        return sheet.value("conversion.joulesPerByte")
                * (sheet.count("opticalMatrix.rows") + (double) sheet.count("opticalMatrix.columns"));
    }

    @Override
    public AcceleratorSpec spec() {
        return spec;
    }

    @Override
    public OpticalRoofline roofline() {
        return roofline;
    }

    @Override
    public OpticalMemoryModel memory() {
        return memory;
    }

    @Override
    public OpticalInterconnect interconnect() {
        return interconnect;
    }

    @Override
    public OpticalPowerModel power() {
        return power;
    }

    @Override
    public Optional<Price> price() {
        return price;
    }

    /** @return the chip's energy model */
    public OpticalEnergyModel energy() {
        return energy;
    }

    /**
     * DAC/ADC energy of all invocations of a kernel.
     *
     * @param kernel the work
     * @return joules
     */
    public double conversionJoules(Kernel kernel) {
        return energy.conversionJoules(kernel);
    }

    /**
     * Energy of all invocations of a kernel: optical compute, conversion and memory.
     *
     * @param kernel    the work
     * @param residency where its operands live
     * @return joules
     */
    public double kernelJoules(Kernel kernel, Residency residency) {
        return energy.kernelJoules(kernel, residency);
    }

    @Override
    public String toString() {
        return "OpticalAccelerator[" + spec.id() + "]";
    }
}
