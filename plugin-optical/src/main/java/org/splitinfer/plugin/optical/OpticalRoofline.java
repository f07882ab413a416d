package org.splitinfer.plugin.optical;

import java.util.List;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelShape;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel times of an electro-optical matrix engine.
 *
 * <h2>Notes</h2>
 * <p>The optical core computes matrix-vector products on light: an input vector is converted to analog by DACs,
 * modulated, multiplied by the weights programmed into an array {@code conversion.vectorElements} wide, and the
 * result detected and converted back by ADCs. It runs only low-precision formats: the ones with a
 * {@code peak.flopsPerSecond.<p>} figure (int8 for the parts sheeted so far); any other format is refused with an
 * {@link UnsupportedPrecisionException} naming what the chip runs. Everything else (memory, non-matrix work) is
 * electronic.
 *
 * <p>A kernel: {@code count × (max(FLOPs ÷ (peak(p) × computeEfficiency), Σ_class bytes(class) ÷
 * bandwidth(tier of class)) + conversion.secondsPerVector)} for work that passes through the optics, and no
 * conversion term for electronic work. Conversion (DAC, optics, ADC) is pipelined: the vector passes of one
 * invocation stream through the converters back to back, so their throughput is already the peak's and only the
 * pipeline's fill, the latency of one pass ({@code secondsPerVector}), is added once per dependent invocation.
 * That pass latency is a marked assumption (neither Lumai nor Lightmatter publishes it). The vector count drives
 * conversion energy (see {@link OpticalEnergyModel}). A GEMM's weights must also be loaded into the optical units:
 * that time ({@link OpticalArray}) is a third bound in the maximum. Vectors per invocation ({@link #conversionVectors}):
 * <ul>
 *   <li>a GEMM (any kernel with a {@link GemmShape}) {@code m × ceil(k ÷ W)}: each of the {@code m} activation
 *       rows enters the array in chunks of the array width {@code W}; the output side is counted in the per-vector
 *       figure, and reusing a converted chunk for every output tile is assumed;</li>
 *   <li>attention ({@link AttentionShape}) {@code heads × (queryTokens × ceil(headDim ÷ W) + ceil(scorePairs ÷ W))}:
 *       the queries against the keys, then the score rows against the values;</li>
 *   <li>anything else (norms, element-wise work, lookups) runs in electronics: no conversion.</li>
 * </ul>
 * Memory classes in different tiers add (conservative). Electronic work is priced at the optical peak of its format
 * (the electronic vector units are assumed not to be the bottleneck; optimistic, stated).
 *
 * <p>Figures: {@code peak.flopsPerSecond.<p>} (Lumai: 1 exaOPS, projected for 2029); {@code conversion.vectorElements}
 * (else {@code opticalMatrix.columns}), {@code conversion.secondsPerVector}; tier bandwidths; optional {@code efficiency.compute} and
 * {@code efficiency.memory} in (0, 1] (fallback 1).
 *
 * <p>Immutable and thread-safe; the per-kernel path allocates nothing.
 */
public final class OpticalRoofline implements Roofline {
    private final String acceleratorId;
    private final List<Precision> precisions;
    private final String[] precisionNames;
    private final double[] peaks;
    private final double[] effectivePeaks;
    private final String[] tierNames;
    private final double[] effectiveTierBytesPerSecond;
    private final double vectorElements;
    private final double secondsPerVector;
    private final OpticalArray array;

    /**
     * @param acceleratorId     the chip, for messages
     * @param precisions        formats the optical core runs, non-empty
     * @param peaks             dense peak per format, operations per second, same order
     * @param computeEfficiency achievable fraction of peak, in (0, 1]
     * @param memory            the chip's electronic memory
     * @param memoryEfficiency  achievable fraction of each tier's bandwidth, in (0, 1]
     * @param vectorElements    width of the optical array: elements per converted vector, {@code >= 1}
     * @param secondsPerVector  latency of one conversion pass (DAC, optics, ADC), {@code >= 0}
     * @param array             the optical units and their weight-load time
     */
    OpticalRoofline(String acceleratorId, List<Precision> precisions, double[] peaks, double computeEfficiency,
                    OpticalMemoryModel memory, double memoryEfficiency, int vectorElements, double secondsPerVector,
                    OpticalArray array) {
        if (precisions.isEmpty() || precisions.size() != peaks.length) {
            throw new IllegalArgumentException("one peak per precision is required");
        }
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        if (vectorElements < 1 || !(secondsPerVector >= 0) || Double.isInfinite(secondsPerVector)) {
            throw new IllegalArgumentException("conversion needs vectorElements >= 1 and secondsPerVector >= 0");
        }
        this.acceleratorId = acceleratorId;
        this.precisions = List.copyOf(precisions);
        this.precisionNames = new String[peaks.length];
        this.peaks = peaks.clone();
        this.effectivePeaks = new double[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            precisionNames[i] = precisions.get(i).name();
            effectivePeaks[i] = peaks[i] * computeEfficiency;
        }
        int tiers = memory.tiers().size();
        this.tierNames = new String[tiers];
        this.effectiveTierBytesPerSecond = new double[tiers];
        for (int i = 0; i < tiers; i++) {
            tierNames[i] = memory.tiers().get(i).name();
            effectiveTierBytesPerSecond[i] = memory.tiers().get(i).bytesPerSecond() * memoryEfficiency;
        }
        this.vectorElements = vectorElements;
        this.secondsPerVector = secondsPerVector;
        this.array = array;
    }

    @Override
    public List<Precision> computePrecisions() {
        return precisions;
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return peaks[precisionIndex(precision)];
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return workSeconds(kernel, residency) + hardwareSeconds(kernel, residency);
    }

    /**
     * The step as the default sums it, with its hardware part apart: the converters' fill and the time a weight
     * load into the optical units takes beyond the kernel's compute and memory bound are the machine's own latency,
     * which no serving software shortens.
     */
    @Override
    public StepTiming stepTiming(Step step) {
        double stage = 0;
        double hardware = 0;
        for (Kernel kernel : step.kernels()) {
            double machine = hardwareSeconds(kernel, step.residency());
            stage += workSeconds(kernel, step.residency()) + machine;
            hardware += machine;
        }
        int stages = step.layout().pipeline();
        return new StepTiming(stage * stages, stage, hardware * stages, hardware);
    }

    /** All invocations' compute or memory bound, whichever is longer. */
    private double workSeconds(Kernel kernel, Residency residency) {
        return kernel.count() * bound(kernel, residency);
    }

    /** All invocations' converter fill, and their weight loads' excess over the compute or memory bound. */
    private double hardwareSeconds(Kernel kernel, Residency residency) {
        double fill = conversionVectors(kernel) > 0 ? secondsPerVector : 0;
        double load = kernel.shape() instanceof GemmShape gemm ? array.weightLoadSeconds(gemm) : 0;
        return kernel.count() * (Math.max(0, load - bound(kernel, residency)) + fill);
    }

    private double bound(Kernel kernel, Residency residency) {
        double compute = kernel.flops() / effectivePeaks[precisionIndex(kernel.precision())];
        OperandBytes bytes = kernel.bytesMoved();
        // Every tier is looked up even for zero bytes, so that a residency naming a missing tier always fails.
        double memory = bytes.weights() / bandwidth(residency.weightsTier())
                + bytes.kvCache() / bandwidth(residency.kvCacheTier())
                + bytes.activations() / bandwidth(residency.activationsTier());
        return Math.max(compute, memory);
    }

    /**
     * Vectors one invocation converts between electronics and optics (see the class notes).
     *
     * @param kernel the work
     * @return vectors per invocation, {@code >= 0}
     */
    public double conversionVectors(Kernel kernel) {
        KernelShape shape = kernel.shape();
        if (shape instanceof GemmShape gemm) {
            return gemm.m() * Math.ceil(gemm.k() / vectorElements);
        }
        if (shape instanceof AttentionShape attention) {
            return attention.queryHeads() * (attention.queryTokens() * Math.ceil(attention.headDim() / vectorElements)
                    + Math.ceil(attention.scorePairs() / vectorElements));
        }
        return 0;
    }

    /** @return elements per converted vector (the optical array's width) */
    public double vectorElements() {
        return vectorElements;
    }

    /** @return latency of one conversion pass, paid once per invocation that uses the optics, seconds */
    public double secondsPerVector() {
        return secondsPerVector;
    }

    int precisionIndex(Precision precision) {
        String name = precision.name();
        for (int i = 0; i < precisionNames.length; i++) {
            if (precisionNames[i].equals(name)) {
                return i;
            }
        }
        throw new UnsupportedPrecisionException(acceleratorId, precision, precisions);
    }

    int tierIndex(String tier) {
        for (int i = 0; i < tierNames.length; i++) {
            if (tierNames[i].equals(tier)) {
                return i;
            }
        }
        throw new IllegalArgumentException(acceleratorId + " has no memory tier '" + tier + "'; tiers: "
                + List.of(tierNames));
    }

    private double bandwidth(String tier) {
        return effectiveTierBytesPerSecond[tierIndex(tier)];
    }
}
