package org.splitinfer.plugin.lpu;

import java.util.List;

import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel and step times of a Groq-style LPU.
 *
 * <p><b>Kernel.</b> {@code seconds = count × max(FLOPs ÷ (peak(precision) × computeFraction),
 * bytes ÷ (sramBytesPerSecond × sramFraction))}. Every operand lives in on-chip SRAM (there is no DRAM), and the
 * compiler fixes every instruction's cycle ahead of time, so there is no per-kernel launch cost, no cache miss and
 * no arbitration stall to add: what remains below peak is pipeline fill and padding to the 320-element vector
 * length, which the two achievable fractions ({@code compute.achievableFraction}, {@code sram.achievableFraction},
 * sheet assumptions) carry. Basis: Abts et al., "Think Fast: A Tensor Streaming Processor (TSP) for Accelerating
 * Deep Learning Workloads", ISCA 2020 (statically scheduled, deterministic execution), and Abts et al., "A
 * Software-defined Tensor Streaming Multiprocessor for Large-scale Machine Learning", ISCA 2022 (compiler-scheduled
 * chip-to-chip links). Fractions are at most 1, so the time never falls below the roofline bound.
 *
 * <p><b>Step.</b> A model is pipelined over the chips of a deployment: {@code step.layout().pipeline()} stages in a
 * chain, each stage's layers on {@code tensor} chips that work side by side (their collectives are priced by
 * {@link LpuInterconnect}, not here). A token crosses every stage in turn and pays at each of the
 * {@code stages − 1} boundaries one hop: {@code hop = hop.latencySeconds + boundaryBytes ÷ chipLink.bytesPerSecond}
 * (a boundary is one neighbour, reached over one direct link). Each layer also pays {@code layer.scheduleSeconds}
 * (default 0), a hardware part of the layer's time that the modelled SRAM reads, collectives (at their hop counts)
 * and hand-offs leave out, where a sheet knows one. Groq's measured pace, about 42 µs per layer for an 8B and a 70B
 * model alike, is far above the few µs of modelled work; that time is what the compiled program adds per layer, the
 * serving stack's share, which the host's calibration fits (a stack profile's time per layer) and adds outside this
 * step model. With {@code stage = Σ kernelSeconds + layers × schedule}:
 * <pre>
 *   latency  = stages × stage + (stages − 1) × hop
 *            = stages × Σ kernelSeconds + (stages − 1) × hop + (stages × layers) × schedule
 *   interval = stage + ((stages − 1) ÷ stages) × hop
 * </pre>
 * The interval is the slowest stage plus its share of the hops: with one micro-batch per stage in flight the
 * pipeline starts a step every stage time, and the links, scheduled by the compiler alongside compute, add their
 * latency spread over the stages. The step's kernels are those of one chip of one stage; the host should pass the
 * heaviest stage's, which then stands for every stage (an upper bound on latency when stages differ). The
 * boundary bytes are the residual stream: one {@link KernelKind#NORM} invocation's activations read (tokens ×
 * hidden), or, with no norm in the step, the last kernel's activations written per invocation.
 *
 * <p>Immutable and thread-safe; {@link #kernelSeconds} allocates nothing.
 */
final class LpuRoofline implements Roofline {

    private static final String SRAM = LpuMemory.SRAM;

    private final String id;
    private final List<Precision> precisions;
    private final Precision[] precisionArray;
    private final double[] effectiveFlopsPerSecond;
    private final double[] peakFlopsPerSecond;
    private final double effectiveSramBytesPerSecond;
    private final double chipLinkBytesPerSecond;
    private final double hopLatencySeconds;
    private final double layerScheduleSeconds;

    LpuRoofline(LpuChip chip) {
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
        this.chipLinkBytesPerSecond = chip.chipLinkBytesPerSecond();
        this.hopLatencySeconds = chip.hopLatencySeconds();
        this.layerScheduleSeconds = chip.layerScheduleSeconds();
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
        requireSram(residency);
        double computeSeconds = kernel.flops() / effectiveFlopsPerSecond[indexOf(kernel.precision())];
        double bytes = kernel.bytesRead().total() + kernel.bytesWritten().total();
        double memorySeconds = bytes / effectiveSramBytesPerSecond;
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
        // the schedule's per-layer synchronisation and the chip-to-chip hops are the machine's own latency (the
        // StepTiming's hardware part, which a serving stack's efficiency does not stretch)
        double scheduleSeconds = step.layers() * layerScheduleSeconds;
        double stageSeconds = kernelSeconds + scheduleSeconds;
        int stages = step.layout().pipeline();
        double hopSeconds = hopSeconds(boundaryBytes(step.kernels()));
        double latencySeconds = stages * stageSeconds + (stages - 1) * hopSeconds;
        double intervalSeconds = Math.min(stageSeconds + hopSeconds * (stages - 1) / stages, latencySeconds);
        double hardwareLatency = stages * scheduleSeconds + (stages - 1) * hopSeconds;
        double hardwareInterval = Math.min(scheduleSeconds + hopSeconds * (stages - 1) / stages, intervalSeconds);
        return new StepTiming(latencySeconds, intervalSeconds, hardwareLatency, hardwareInterval);
    }

    /**
     * One chip boundary: its latency plus the residual stream over one link.
     *
     * @param bytes activation bytes crossing the boundary
     * @return seconds
     */
    double hopSeconds(double bytes) {
        return hopLatencySeconds + bytes / chipLinkBytesPerSecond;
    }

    /**
     * The activation bytes one stage hands the next: the residual stream.
     *
     * @param kernels one stage's kernels
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

    private int indexOf(Precision precision) {
        for (int i = 0; i < precisionArray.length; i++) {
            if (precisionArray[i].equals(precision)) {
                return i;
            }
        }
        throw new UnsupportedPrecisionException(id, precision, precisions);
    }

    private static void requireSram(Residency residency) {
        if (!SRAM.equals(residency.weightsTier()) || !SRAM.equals(residency.kvCacheTier())
                || !SRAM.equals(residency.activationsTier())) {
            throw new IllegalArgumentException("an LPU keeps every operand in tier '" + SRAM
                    + "' (it has no DRAM); got " + residency + "; tiers: [" + SRAM + "]");
        }
    }
}
