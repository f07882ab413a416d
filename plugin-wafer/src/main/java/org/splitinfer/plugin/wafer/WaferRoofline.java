package org.splitinfer.plugin.wafer;

import java.util.List;

import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel and step times of a wafer-scale engine (Cerebras WSE).
 *
 * <p><b>Kernel.</b> {@code seconds = count × max(FLOPs ÷ (peak(precision) × computeFraction),
 * Σ_class bytes(class) ÷ (bandwidth(tier of class) × fraction(tier)))}, the tiers being on-wafer {@code sram} and
 * MemoryX ({@code external}). The memory terms of different operand classes are added, not overlapped: with
 * weights streaming from MemoryX while the KV cache is read from SRAM this is pessimistic by at most the smaller
 * term, and it keeps every kernel at or above the roofline bound that the compatibility kit checks. With weights in
 * {@code external} a decode step of W weight bytes thus takes at least {@code W ÷ external.bytesPerSecond}. The peak
 * is the sheet's dense figure: Cerebras' headline 125 PFLOPS for WSE-3 counts sparsity, and the sheet records how
 * its dense figure was derived. The fractions ({@code compute.achievableFraction}, {@code sram.achievableFraction},
 * {@code external.achievableFraction}) are sheet assumptions, each at most 1. No per-kernel launch cost: the layers
 * are laid out on the wafer once and data flows through them.
 *
 * <p><b>Step.</b> On one wafer the layers are pipelined across the fabric: a token's activations cross from each
 * layer's cores to the next, which adds {@code fabric.layerLatencySeconds} per layer. A model larger than one wafer
 * is pipelined over {@code step.layout().pipeline()} wafers; between consecutive wafers the residual stream leaves
 * over the CS system I/O and pays one hop {@code = scaleOut.latencySeconds + boundaryBytes ÷ systemIo.bytesPerSecond}.
 * With {@code stage = Σ kernelSeconds + layers × fabric.layerLatencySeconds}:
 * <pre>
 *   latency  = wafers × stage + (wafers − 1) × hop
 *   interval = stage + ((wafers − 1) ÷ wafers) × hop
 * </pre>
 * so a one-wafer model pays no hop at all. The interval is the slowest stage plus its share of the hops, the
 * pipeline holding one micro-batch per wafer. The step's kernels are one wafer's (the host passes the heaviest
 * stage's). The boundary bytes are the residual stream: one {@link KernelKind#NORM} invocation's activations read
 * (tokens × hidden), or, with no norm in the step, the last kernel's activations written per invocation.
 *
 * <p>Immutable and thread-safe; {@link #kernelSeconds} allocates nothing.
 */
final class WaferRoofline implements Roofline {

    private final String id;
    private final List<Precision> precisions;
    private final Precision[] precisionArray;
    private final double[] peakFlopsPerSecond;
    private final double[] effectiveFlopsPerSecond;
    private final double effectiveSramBytesPerSecond;
    private final double effectiveExternalBytesPerSecond;
    private final double fabricLayerLatencySeconds;
    private final double systemIoBytesPerSecond;
    private final double scaleOutLatencySeconds;

    WaferRoofline(WaferChip chip) {
        this.id = chip.id();
        this.precisions = chip.precisions();
        this.precisionArray = precisions.toArray(new Precision[0]);
        this.peakFlopsPerSecond = new double[precisionArray.length];
        this.effectiveFlopsPerSecond = new double[precisionArray.length];
        for (int i = 0; i < precisionArray.length; i++) {
            peakFlopsPerSecond[i] = chip.peakFlopsPerSecond().get(i);
            effectiveFlopsPerSecond[i] = peakFlopsPerSecond[i] * chip.computeAchievableFraction();
        }
        this.effectiveSramBytesPerSecond = chip.sramBytesPerSecond() * chip.sramAchievableFraction();
        this.effectiveExternalBytesPerSecond = chip.externalBytesPerSecond() * chip.externalAchievableFraction();
        this.fabricLayerLatencySeconds = chip.fabricLayerLatencySeconds();
        this.systemIoBytesPerSecond = chip.systemIoBytesPerSecond();
        this.scaleOutLatencySeconds = chip.scaleOutLatencySeconds();
    }

    @Override
    public List<Precision> computePrecisions() {
        return precisions;
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return peakFlopsPerSecond[indexOf(precision)];
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        double computeSeconds = kernel.flops() / effectiveFlopsPerSecond[indexOf(kernel.precision())];
        OperandBytes read = kernel.bytesRead();
        OperandBytes written = kernel.bytesWritten();
        double memorySeconds = (read.weights() + written.weights()) / bytesPerSecond(residency.weightsTier())
                + (read.kvCache() + written.kvCache()) / bytesPerSecond(residency.kvCacheTier())
                + (read.activations() + written.activations()) / bytesPerSecond(residency.activationsTier());
        return kernel.count() * Math.max(computeSeconds, memorySeconds);
    }

    /** The chain of chips is this family's step model: each boundary's hop is inside {@link #stepTiming}. */
    @Override
    public boolean stepTimingIncludesStageHandOffs() {
        return true;
    }

    @Override
    public StepTiming stepTiming(Step step) {
        double kernelSeconds = 0;
        for (Kernel kernel : step.kernels()) {
            kernelSeconds += kernelSeconds(kernel, step.residency());
        }
        double stageSeconds = kernelSeconds + step.layers() * fabricLayerLatencySeconds;
        int wafers = step.layout().pipeline();
        double hopSeconds = hopSeconds(boundaryBytes(step.kernels()));
        double latencySeconds = wafers * stageSeconds + (wafers - 1) * hopSeconds;
        double intervalSeconds = stageSeconds + hopSeconds * (wafers - 1) / wafers;
        return new StepTiming(latencySeconds, Math.min(intervalSeconds, latencySeconds));
    }

    /**
     * One wafer-to-wafer crossing over the system I/O.
     *
     * @param bytes activation bytes crossing
     * @return seconds
     */
    double hopSeconds(double bytes) {
        return scaleOutLatencySeconds + bytes / systemIoBytesPerSecond;
    }

    /**
     * The activation bytes one wafer hands the next: the residual stream.
     *
     * @param kernels one wafer's kernels
     * @return bytes per step, {@code >= 0}
     */
    static double boundaryBytes(List<Kernel> kernels) {
        for (Kernel kernel : kernels) {
            if (kernel.kind().equals(KernelKind.NORM)) {
                return kernel.bytesRead().activations();
            }
        }
        return kernels.isEmpty() ? 0 : kernels.get(kernels.size() - 1).bytesWritten().activations();
    }

    private double bytesPerSecond(String tier) {
        if (WaferMemory.SRAM.equals(tier)) {
            return effectiveSramBytesPerSecond;
        }
        if (WaferMemory.EXTERNAL.equals(tier)) {
            return effectiveExternalBytesPerSecond;
        }
        throw new IllegalArgumentException("no memory tier '" + tier + "' on " + id + "; tiers: ["
                + WaferMemory.SRAM + ", " + WaferMemory.EXTERNAL + "]");
    }

    private int indexOf(Precision precision) {
        for (int i = 0; i < precisionArray.length; i++) {
            if (precisionArray[i].equals(precision)) {
                return i;
            }
        }
        throw new UnsupportedPrecisionException(id, precision, precisions);
    }
}
