package org.splitinfer.plugin.wafer;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Phase;
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
 * <p><b>Step: regions.</b> The weights sit layer by layer on blocks of cores ({@link LayerRegions}): at a batch of
 * one a token's work for a layer runs on that layer's block alone, with its share {@code φ} of the wafer's compute
 * and SRAM bandwidth, then multicasts and reduces over the block's side ({@link WaferFabric}) and hands the
 * residual stream to the next block. So all the weights are still read once per token, but block by block:
 * {@code Σ_regions bytes ÷ (φ × bandwidth)}, which equals {@code bytes ÷ bandwidth} only when every block works at
 * once; and the per-layer latency grows with the block's side {@code √(φ × cores)}.
 *
 * <p><b>Step: micro-batches.</b> With several rows (sequences in decode, prompt tokens in prefill) the wafer splits
 * them into {@code k} micro-batches of a share {@code f = 1 ÷ k} each, which follow one another through the blocks,
 * each block working on a different micro-batch. With {@code path(f)} the time one micro-batch takes through every
 * block, {@code slowest(f)} the longest any one block (or, over several wafers, the system I/O) is held by it, and
 * {@code hop(f) = scaleOut.latencySeconds + boundaryBytes × f ÷ systemIo.bytesPerSecond} one wafer-to-wafer
 * crossing, over {@code P = step.layout().pipeline()} wafers (the step's kernels are the heaviest wafer's):
 * <pre>
 *   decode   latency  = P × path(f) + (P − 1) × hop(f)           one micro-batch's token, through every wafer
 *            interval = k × slowest(f)                          the busiest block's time for all the step's rows
 *            k        = the largest, at most the rows, with k × slowest(f) ≤ path(f) and P × interval ≤ latency
 *   prefill  latency  = P × (path(f) + (k − 1) × slowest(f)) + (P − 1) × hop(1)   the last chunk's result
 *            interval = k × slowest(f)
 *            k        = the one, at most the rows, with the least latency
 * </pre>
 * {@code k} is a real number, an average over micro-batches of whole rows: the step's cost so moves smoothly with
 * the batch and the context (the host tabulates it), where whole counts would make it a sawtooth.
 * Decode sequences are independent, so in the steady state each micro-batch's next token enters as its last one
 * leaves: the host's {@code max(latency, m × interval)} over its {@code m} stage micro-batches is then the period of
 * that pipeline, and the blocks hold at most as many micro-batches as they can without queueing. A prompt's chunks
 * fill and drain the wafer's blocks once per step. The wafers themselves run in sequence within a step (the host
 * pipelines its stage micro-batches across them). With the weights streaming from MemoryX the blocks take turns on
 * the whole wafer, so nothing overlaps ({@code k = 1}). The boundary bytes are the residual stream: one
 * {@link KernelKind#NORM} invocation's activations read (tokens × hidden), or, with no norm in the step, the last
 * kernel's activations written per invocation.
 *
 * <p>Immutable and thread-safe; {@link #kernelSeconds} allocates nothing.
 */
final class WaferRoofline implements Roofline {

    /**
     * Steps of either search for the micro-batch count: a bisection halves the interval on {@code ln k}, a
     * golden-section step keeps 0.618 of it; after 60 either is within 1e-12 of {@code ln rows}.
     */
    private static final int SEARCH_STEPS = 60;

    private final String id;
    private final List<Precision> precisions;
    private final Precision[] precisionArray;
    private final double[] peakFlopsPerSecond;
    private final double[] effectiveFlopsPerSecond;
    private final double effectiveSramBytesPerSecond;
    private final double effectiveExternalBytesPerSecond;
    private final WaferFabric fabric;
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
        this.fabric = chip.fabric();
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
        if (step.kernels().isEmpty()) {
            return new StepTiming(0, 0);
        }
        LayerRegions regions = regions(step);
        int wafers = step.layout().pipeline();
        double boundary = boundaryBytes(step.kernels());
        double rows = regions.rows();
        // the fabric's hops and ramps and the wafer-to-wafer crossings are the machine's own latency (the
        // StepTiming's hardware part, which a serving stack's efficiency does not stretch)
        if (step.phase() == Phase.DECODE) {
            double k = decodeMicroBatches(regions, wafers, boundary);
            double f = 1 / k;
            double crossings = (wafers - 1) * hopSeconds(boundary * f);
            double latency = wafers * regions.pathSeconds(f) + crossings;
            double interval = Math.min(k * slowestSeconds(regions, f, wafers, boundary), latency);
            double hardwareLatency = wafers * regions.pathHardwareSeconds(f) + crossings;
            double hardwareInterval = k * slowestHardwareSeconds(regions, f, wafers, boundary);
            return new StepTiming(latency, interval, hardwareLatency, Math.min(hardwareInterval, interval));
        }
        double hops = (wafers - 1) * hopSeconds(boundary);
        DoubleUnaryOperator latency = k -> wafers * (regions.pathSeconds(1 / k)
                + (k - 1) * slowestSeconds(regions, 1 / k, wafers, boundary)) + hops;
        double k = leastOf(latency, rows);
        double chunkLatency = latency.applyAsDouble(k);
        double interval = Math.min(k * slowestSeconds(regions, 1 / k, wafers, boundary), chunkLatency);
        double hardwareLatency = wafers * (regions.pathHardwareSeconds(1 / k)
                + (k - 1) * slowestHardwareSeconds(regions, 1 / k, wafers, boundary)) + hops;
        double hardwareInterval = k * slowestHardwareSeconds(regions, 1 / k, wafers, boundary);
        return new StepTiming(chunkLatency, interval, Math.min(hardwareLatency, chunkLatency),
                Math.min(hardwareInterval, interval));
    }

    /**
     * The regions one step occupies on one wafer, at this wafer's rates.
     *
     * @param step the step
     * @return its regions
     */
    LayerRegions regions(Step step) {
        List<Kernel> kernels = step.kernels();
        double[] flops = new double[kernels.size()];
        for (int i = 0; i < flops.length; i++) {
            flops[i] = effectiveFlopsPerSecond[indexOf(kernels.get(i).precision())];
        }
        Residency residency = step.residency();
        return new LayerRegions(step, fabric, flops, bytesPerSecond(residency.weightsTier()),
                bytesPerSecond(residency.kvCacheTier()), bytesPerSecond(residency.activationsTier()),
                WaferMemory.SRAM.equals(residency.weightsTier()), boundaryBytes(kernels));
    }

    /**
     * The micro-batches that give the host the shortest time per token: the most the wafer's blocks hold without
     * queueing ({@code k × slowest(1 ÷ k) ≤ path(1 ÷ k)}), at most the rows, and over several wafers no more than
     * keep {@code P × interval} within the latency (the host keeps up to {@code P} stage micro-batches in flight).
     * Both sides of each condition move monotonically with {@code k}: the path shortens, the busiest block's share
     * grows.
     */
    private double decodeMicroBatches(LayerRegions regions, int wafers, double boundary) {
        double rows = regions.rows();
        double k = largestNonNegative(
                m -> regions.pathSeconds(1 / m) - m * slowestSeconds(regions, 1 / m, wafers, boundary), rows);
        if (wafers > 1) {
            k = Math.min(k, largestNonNegative(m -> wafers * regions.pathSeconds(1 / m)
                    + (wafers - 1) * hopSeconds(boundary / m)
                    - wafers * m * slowestSeconds(regions, 1 / m, wafers, boundary), rows));
        }
        return k;
    }

    /**
     * The largest {@code k} in {@code [1, rows]} where a function that falls as {@code k} grows is still
     * {@code >= 0}; 1 when it is negative throughout. Bisection on {@code ln k}, to a relative 1e-12.
     */
    static double largestNonNegative(DoubleUnaryOperator falling, double rows) {
        if (rows <= 1 || falling.applyAsDouble(rows) >= 0) {
            return Math.max(1, rows);
        }
        if (falling.applyAsDouble(1) < 0) {
            return 1;
        }
        double low = 0;
        double high = Math.log(rows);
        for (int i = 0; i < SEARCH_STEPS; i++) {
            double middle = (low + high) / 2;
            if (falling.applyAsDouble(Math.exp(middle)) >= 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Math.exp(low);
    }

    /**
     * The {@code k} in {@code [1, rows]} where a function with one minimum is least: golden-section search on
     * {@code ln k}, to a relative 1e-12, against both ends.
     */
    static double leastOf(DoubleUnaryOperator unimodal, double rows) {
        if (rows <= 1) {
            return 1;
        }
        double inverseGolden = (Math.sqrt(5) - 1) / 2;
        double low = 0;
        double high = Math.log(rows);
        double x1 = high - inverseGolden * (high - low);
        double x2 = low + inverseGolden * (high - low);
        double f1 = unimodal.applyAsDouble(Math.exp(x1));
        double f2 = unimodal.applyAsDouble(Math.exp(x2));
        for (int i = 0; i < SEARCH_STEPS; i++) {
            if (f1 <= f2) {
                high = x2;
                x2 = x1;
                f2 = f1;
                x1 = high - inverseGolden * (high - low);
                f1 = unimodal.applyAsDouble(Math.exp(x1));
            } else {
                low = x1;
                x1 = x2;
                f1 = f2;
                x2 = low + inverseGolden * (high - low);
                f2 = unimodal.applyAsDouble(Math.exp(x2));
            }
        }
        double best = Math.exp((low + high) / 2);
        double atBest = unimodal.applyAsDouble(best);
        if (unimodal.applyAsDouble(1) <= atBest) {
            return 1;
        }
        return unimodal.applyAsDouble(rows) < atBest ? rows : best;
    }

    /** The hardware part of {@link #slowestSeconds}: the slowest block's fabric latency, or all of an I/O transfer. */
    private double slowestHardwareSeconds(LayerRegions regions, double fraction, int wafers, double boundary) {
        double slowest = regions.slowestSeconds(fraction);
        double transfer = wafers > 1 ? boundary * fraction / systemIoBytesPerSecond : 0;
        return transfer > slowest ? transfer : regions.slowestHardwareSeconds(fraction);
    }

    /** The busiest resource per micro-batch: the slowest block, or over several wafers the system I/O's transfer. */
    private double slowestSeconds(LayerRegions regions, double fraction, int wafers, double boundary) {
        double slowest = regions.slowestSeconds(fraction);
        return wafers > 1 ? Math.max(slowest, boundary * fraction / systemIoBytesPerSecond) : slowest;
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
