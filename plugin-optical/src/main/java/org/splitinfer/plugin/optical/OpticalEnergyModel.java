package org.splitinfer.plugin.optical;

import java.util.List;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Residency;

/**
 * Energy of a kernel on an optical engine: optical compute, conversion and electronic memory.
 *
 * <h2>Notes</h2>
 * <p>{@code joules = count × (FLOPs × peakWatts ÷ peak(p) + vectors × conversion.joulesPerVector
 * + Σ_class bytes(class) × joulesPerByte(tier of class))}. The first term spends the part's published efficiency
 * (Lumai: 1e18 OPS in 1e4 W, 100 TOPS/W, i.e. 1e-14 J per operation) on the arithmetic alone, and conversion and
 * memory are added on top: an upper bound of the energy, so that no result credits the part with more than its
 * published operations per joule. {@code conversion.joulesPerVector} (else {@code conversion.joulesPerByte ×
 * (opticalMatrix.rows + opticalMatrix.columns)}) and the tiers' optional {@code <tier>.joulesPerByte} (fallback 0:
 * no memory energy) are marked assumptions (DAC/ADC and memory energies from the literature, not the vendors').
 *
 * <p>Immutable and thread-safe.
 */
public final class OpticalEnergyModel {
    private final OpticalRoofline roofline;
    private final double[] joulesPerFlop;
    private final double[] tierJoulesPerByte;
    private final double joulesPerVector;

    /**
     * @param roofline          the chip's roofline (formats, peaks, tiers, vectors)
     * @param peakWatts         the chip's published power, {@code > 0}
     * @param joulesPerVector   conversion energy per vector, {@code >= 0}
     * @param tiers             the chip's tiers in the roofline's order ({@code memory.tiers()})
     * @param tierJoulesPerByte energy per byte moved, one per tier, same order, {@code >= 0}
     */
    public OpticalEnergyModel(OpticalRoofline roofline, double peakWatts, double joulesPerVector,
                              List<MemoryTier> tiers, double[] tierJoulesPerByte) {
        if (!(peakWatts > 0) || !(joulesPerVector >= 0) || tiers.size() != tierJoulesPerByte.length) {
            throw new IllegalArgumentException("energy needs peakWatts > 0, joulesPerVector >= 0 and one "
                    + "joulesPerByte per tier");
        }
        this.roofline = roofline;
        this.joulesPerFlop = new double[roofline.computePrecisions().size()];
        for (int i = 0; i < joulesPerFlop.length; i++) {
            joulesPerFlop[i] = peakWatts / roofline.peakFlopsPerSecond(roofline.computePrecisions().get(i));
        }
        this.tierJoulesPerByte = new double[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            if (!(tierJoulesPerByte[i] >= 0)) {
                throw new IllegalArgumentException("tier '" + tiers.get(i).name() + "' joulesPerByte must be >= 0");
            }
            this.tierJoulesPerByte[roofline.tierIndex(tiers.get(i).name())] = tierJoulesPerByte[i];
        }
        this.joulesPerVector = joulesPerVector;
    }

    /**
     * Conversion energy of all invocations of a kernel.
     *
     * @param kernel the work
     * @return joules, {@code count × vectors × joulesPerVector}
     */
    public double conversionJoules(Kernel kernel) {
        return kernel.count() * roofline.conversionVectors(kernel) * joulesPerVector;
    }

    /**
     * Energy of all invocations of a kernel: compute, conversion and memory.
     *
     * @param kernel    the work
     * @param residency where its operands live
     * @return joules
     */
    public double kernelJoules(Kernel kernel, Residency residency) {
        double compute = kernel.flops() * joulesPerFlop[roofline.precisionIndex(kernel.precision())];
        OperandBytes bytes = kernel.bytesMoved();
        double memory = bytes.weights() * tierJoulesPerByte[roofline.tierIndex(residency.weightsTier())]
                + bytes.kvCache() * tierJoulesPerByte[roofline.tierIndex(residency.kvCacheTier())]
                + bytes.activations() * tierJoulesPerByte[roofline.tierIndex(residency.activationsTier())];
        return kernel.count() * (compute + memory) + conversionJoules(kernel);
    }
}
