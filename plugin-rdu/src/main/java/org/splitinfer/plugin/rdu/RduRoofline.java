package org.splitinfer.plugin.rdu;

import java.util.List;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel and step times of a reconfigurable dataflow unit (SambaNova SN40L).
 *
 * <h2>Notes</h2>
 * <p>One kernel alone: {@code count × max(FLOPs ÷ (peak(p) × computeEfficiency), Σ_class bytes(class) ÷
 * (bandwidth(tier of class) × memoryEfficiency))}. There is no per-kernel launch term: on an RDU the compiler
 * maps a whole decoder (many operators) onto the chip as one spatial pipeline, so operators do not launch one by
 * one (Prabhakar et al., "SambaNova SN40L: Scaling the AI Memory Wall with Dataflow and Composition of Experts",
 * arXiv:2405.07518, 2024, sections on operator fusion).
 *
 * <p>One step (dataflow fusion): the kernels of a step run fused, so their compute and their memory traffic
 * overlap across kernels, not only within each: {@code stage = max(Σ_k FLOPs_k ÷ peak(p_k), Σ_k Σ_class
 * bytes ÷ bandwidth(tier)) + layers × stageSwitchSeconds}, latency {@code stage × pipeline}, interval {@code stage}.
 * This is never above the sum of the kernels' own maxima plus the overhead, and never below any single kernel's
 * roofline bound. The switch term ({@code dataflow.stageSwitchSeconds}, a marked assumption until measured) is
 * the fixed cost of starting one fused dataflow kernel, which SambaNova describes as a whole decoder block: one
 * per layer of the step (at least one per step).
 *
 * <p>Memory classes in different tiers are charged one after another (their times add) rather than overlapped:
 * conservative, and it keeps every kernel at or above the roofline bound however the bound groups tiers.
 *
 * <p>Spilled weights: a residency names one tier per operand class, so a placement whose weights straddle HBM
 * and DDR is priced through the SPI as if every weight byte came from DDR (an upper bound). The exact price of a
 * split, {@code bytes × ((1 − f) ÷ bw(hbm) + f ÷ bw(ddr))} for a DDR share {@code f}
 * ({@link RduMemoryModel#ddrWeightFraction}), is {@link #spilledKernelSeconds} and {@link #spilledStepTiming}.
 *
 * <p>Figures: {@code peak.flopsPerSecond.<p>} (638e12 BF16 per socket, SambaNova Hot Chips 2024 / arXiv:2405.07518);
 * tier bandwidths {@code sram|hbm|ddr.bytesPerSecond}; optional {@code efficiency.compute},
 * {@code efficiency.memory} in (0, 1] (fallback 1: the ideal roofline); optional
 * {@code dataflow.stageSwitchSeconds} (fallback 0).
 *
 * <p>Immutable and thread-safe; the per-kernel path allocates nothing.
 */
public final class RduRoofline implements Roofline {
    private final String acceleratorId;
    private final List<Precision> precisions;
    private final String[] precisionNames;
    private final double[] peaks;
    private final double[] effectivePeaks;
    private final String[] tierNames;
    private final double[] effectiveTierBytesPerSecond;
    private final double hbmBytesPerSecond;
    private final double ddrBytesPerSecond;
    private final double stageSwitchSeconds;

    /**
     * @param acceleratorId          the chip, for messages
     * @param precisions             compute formats, non-empty
     * @param peaks                  dense peak per format, operations per second, same order
     * @param computeEfficiency      achievable fraction of peak, in (0, 1]
     * @param memory                 the chip's tiers
     * @param memoryEfficiency       achievable fraction of each tier's bandwidth, in (0, 1]
     * @param stageSwitchSeconds cost of starting one fused kernel (one decoder block), {@code >= 0}
     */
    public RduRoofline(String acceleratorId, List<Precision> precisions, double[] peaks, double computeEfficiency,
                       RduMemoryModel memory, double memoryEfficiency, double stageSwitchSeconds) {
        if (precisions.isEmpty() || precisions.size() != peaks.length) {
            throw new IllegalArgumentException("one peak per precision is required");
        }
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        if (!(stageSwitchSeconds >= 0) || Double.isInfinite(stageSwitchSeconds)) {
            throw new IllegalArgumentException("stageSwitchSeconds must be finite and >= 0");
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
        this.hbmBytesPerSecond = bandwidth(RduMemoryModel.HBM);
        this.ddrBytesPerSecond = bandwidth(RduMemoryModel.DDR);
        this.stageSwitchSeconds = stageSwitchSeconds;
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
        double compute = computeSeconds(kernel);
        double memory = memorySeconds(kernel, residency, -1);
        return kernel.count() * Math.max(compute, memory);
    }

    /**
     * A kernel whose weights are split between HBM and DDR.
     *
     * @param kernel            the work
     * @param residency         where the KV cache and activations live (its weights tier is ignored)
     * @param ddrWeightFraction share of the weight bytes read from DDR, in [0, 1]; the rest come from HBM
     * @return seconds of all invocations
     */
    public double spilledKernelSeconds(Kernel kernel, Residency residency, double ddrWeightFraction) {
        requireFraction(ddrWeightFraction);
        double compute = computeSeconds(kernel);
        double memory = memorySeconds(kernel, residency, ddrWeightFraction);
        return kernel.count() * Math.max(compute, memory);
    }

    @Override
    public StepTiming stepTiming(Step step) {
        return fused(step, -1);
    }

    /**
     * A fused step whose weights are split between HBM and DDR (see the class notes).
     *
     * @param step              the step; its residency's weights tier is ignored
     * @param ddrWeightFraction share of the weight bytes read from DDR, in [0, 1]
     * @return latency and interval
     */
    public StepTiming spilledStepTiming(Step step, double ddrWeightFraction) {
        requireFraction(ddrWeightFraction);
        return fused(step, ddrWeightFraction);
    }

    /** @return the per-step overhead of a fused step, seconds */
    public double stageSwitchSeconds() {
        return stageSwitchSeconds;
    }

    private StepTiming fused(Step step, double ddrWeightFraction) {
        if (step.kernels().isEmpty()) {
            return new StepTiming(0, 0);
        }
        double compute = 0;
        double memory = 0;
        for (Kernel kernel : step.kernels()) {
            compute += kernel.count() * computeSeconds(kernel);
            memory += kernel.count() * memorySeconds(kernel, step.residency(), ddrWeightFraction);
        }
        // One fused dataflow kernel per decoder block: each layer pays one switch (at least one per step); the
        // switch reconfigures the chip's units, a hardware latency no serving software shortens.
        double switches = stageSwitchSeconds * Math.max(1, step.layers());
        double stage = Math.max(compute, memory) + switches;
        int stages = step.layout().pipeline();
        return new StepTiming(stage * stages, stage, switches * stages, switches);
    }

    private double computeSeconds(Kernel kernel) {
        return kernel.flops() / effectivePeaks[precisionIndex(kernel.precision())];
    }

    /**
     * One invocation's bytes read and written over their tiers. A negative fraction means: weights come from the
     * residency's weights tier alone. Reads the two byte records separately rather than summing them into a new one:
     * this runs for every kernel of every step priced.
     */
    private double memorySeconds(Kernel kernel, Residency residency, double ddrWeightFraction) {
        OperandBytes read = kernel.bytesRead();
        OperandBytes written = kernel.bytesWritten();
        double weightBytes = read.weights() + written.weights();
        double weights;
        if (ddrWeightFraction < 0) {
            weights = weightBytes / bandwidth(residency.weightsTier());
        } else {
            weights = weightBytes * ((1 - ddrWeightFraction) / hbmBytesPerSecond
                    + ddrWeightFraction / ddrBytesPerSecond);
        }
        // Every tier is looked up even for zero bytes, so that a residency naming a missing tier always fails.
        double kvCache = (read.kvCache() + written.kvCache()) / bandwidth(residency.kvCacheTier());
        double activations = (read.activations() + written.activations()) / bandwidth(residency.activationsTier());
        return weights + kvCache + activations;
    }

    private double bandwidth(String tier) {
        for (int i = 0; i < tierNames.length; i++) {
            if (tierNames[i].equals(tier)) {
                return effectiveTierBytesPerSecond[i];
            }
        }
        throw new IllegalArgumentException(acceleratorId + " has no memory tier '" + tier + "'; tiers: "
                + List.of(tierNames));
    }

    private int precisionIndex(Precision precision) {
        String name = precision.name();
        for (int i = 0; i < precisionNames.length; i++) {
            if (precisionNames[i].equals(name)) {
                return i;
            }
        }
        throw new UnsupportedPrecisionException(acceleratorId, precision, precisions);
    }

    private static void requireFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("ddrWeightFraction must be in [0, 1], got " + fraction);
        }
    }
}
