package org.splitinfer.plugin.riscv;

import java.util.List;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel times of a Tenstorrent chip (a mesh of Tensix cores, each with its RISC-V controllers, matrix and vector
 * engines and its own L1 SRAM).
 *
 * <h2>Notes</h2>
 * <p>{@code count × (max(FLOPs ÷ (peak(p) × computeEfficiency), Σ_class bytes(class) ÷ (bandwidth(tier of class)
 * × memoryEfficiency)) + launch)}, and a step is the sum: ops run one after another. The launch term is what
 * dispatching one operation costs, and it depends on how tt-metal (the stack that drives these chips) runs the phase:
 * a prefill is dispatched op by op from the host ({@code kernel.launchSeconds}, a marked assumption), while decode is
 * replayed from a captured Metal Trace, which removes the host from dispatch
 * ({@code kernel.tracedLaunchSeconds}: the op-to-op gap left on the device). A host dispatch per op does not shrink
 * with tensor parallelism, so charging it to decode made a 32-chip Galaxy barely faster than an 8-chip QuietBox.
 *
 * <p>Formats: the ones with a {@code peak.flopsPerSecond.<p>} figure. Tenstorrent's block floating point
 * ({@code bfp8}, 8.5 bits, and {@code bfp4}, 4.5 bits per element; {@link Precision}) are native: the unpackers
 * read them from L1 or GDDR straight into the matrix engine, so a bfp8/bfp4 kernel is both stored and computed in
 * its format and no separate storage precision is modelled. The same chip serves prefill and decode: there is
 * nothing phase-specific here ("unified platform"); a split deployment on Tenstorrent is two pools of the same
 * chip.
 *
 * <p>Decode attention runs on few cores when it has little to split: tt-metal's decode SDPA gives each (sequence,
 * KV head) pair at most {@code attention.decodeHeadCores} cores (16, {@code SDPAProgramConfig
 * .max_cores_per_head_batch}), so a decode step's attention over {@code u = sequences × kvHeads} pairs on a chip of
 * {@code C} cores uses {@code min(C, 16u)} of them, and each draws its share of the memory's bandwidth (the NoC
 * gives every core its own path to the DRAM channels; a marked assumption): its memory time is multiplied by
 * {@code C ÷ min(C, 16u)}. One long-context user on a Galaxy chip (one KV head there) thus reads its cache at 16/72
 * of the chip's bandwidth. Galaxy's published speeds bear out the shape: its 32K-token single user pays about three
 * times per cached byte what 32 users at 4K pay, with the same cache bytes per chip (tt-metal
 * models/demos/llama3_70b_galaxy/PERF.md, 25 July 2025: 38.17 ms against 22.43 ms, 14.0 ms at 128 tokens).
 *
 * <p>Operand classes in different tiers add (not overlap): conservative, and never below the roofline bound.
 *
 * <p>Figures: {@code peak.flopsPerSecond.<p>} (Tenstorrent product pages: e.g. n150 262 TFLOPS FP8,
 * 148 BLOCKFP8, 74 FP16); {@code sram|gddr.bytesPerSecond}; optional {@code kernel.launchSeconds} (fallback 0),
 * {@code efficiency.compute} and {@code efficiency.memory} in (0, 1] (fallback 1: the ideal roofline).
 *
 * <p>Immutable and thread-safe; the per-kernel path allocates nothing.
 */
public final class RiscvRoofline implements Roofline {
    private final String acceleratorId;
    private final List<Precision> precisions;
    private final String[] precisionNames;
    private final double[] peaks;
    private final double[] effectivePeaks;
    private final String[] tierNames;
    private final double[] effectiveTierBytesPerSecond;
    private final double launchSeconds;
    private final double tracedLaunchSeconds;
    private final int cores;
    private final int decodeCoresPerHeadSequence;

    /**
     * @param acceleratorId     the chip, for messages
     * @param precisions        compute formats, non-empty
     * @param peaks             dense peak per format, operations per second, same order
     * @param computeEfficiency achievable fraction of peak, in (0, 1]
     * @param memory            the chip's tiers
     * @param memoryEfficiency  achievable fraction of each tier's bandwidth, in (0, 1]
     * @param launchSeconds     host dispatch cost per kernel invocation (prefill, op by op), {@code >= 0}
     * @param tracedLaunchSeconds dispatch cost per kernel invocation replayed from a trace (decode), {@code >= 0}
     */
    public RiscvRoofline(String acceleratorId, List<Precision> precisions, double[] peaks, double computeEfficiency,
                         RiscvMemoryModel memory, double memoryEfficiency, double launchSeconds,
                         double tracedLaunchSeconds) {
        this(acceleratorId, precisions, peaks, computeEfficiency, memory, memoryEfficiency, launchSeconds,
                tracedLaunchSeconds, 1, 0);
    }

    /**
     * @param acceleratorId       the chip, for messages
     * @param precisions          compute formats, non-empty
     * @param peaks               dense peak per format, operations per second, same order
     * @param computeEfficiency   achievable fraction of peak, in (0, 1]
     * @param memory              the chip's tiers
     * @param memoryEfficiency    achievable fraction of each tier's bandwidth, in (0, 1]
     * @param launchSeconds       host dispatch cost per kernel invocation (prefill, op by op), {@code >= 0}
     * @param tracedLaunchSeconds dispatch cost per kernel invocation replayed from a trace (decode), {@code >= 0}
     * @param cores               Tensix cores of the chip, {@code >= 1}
     * @param decodeCoresPerHeadSequence the most cores decode attention gives one (sequence, KV head) pair; 0 for
     *                            no limit
     */
    public RiscvRoofline(String acceleratorId, List<Precision> precisions, double[] peaks, double computeEfficiency,
                         RiscvMemoryModel memory, double memoryEfficiency, double launchSeconds,
                         double tracedLaunchSeconds, int cores, int decodeCoresPerHeadSequence) {
        if (cores < 1 || decodeCoresPerHeadSequence < 0) {
            throw new IllegalArgumentException("cores must be >= 1 and decodeCoresPerHeadSequence >= 0");
        }
        if (precisions.isEmpty() || precisions.size() != peaks.length) {
            throw new IllegalArgumentException("one peak per precision is required");
        }
        if (!(computeEfficiency > 0 && computeEfficiency <= 1) || !(memoryEfficiency > 0 && memoryEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        if (!(launchSeconds >= 0) || Double.isInfinite(launchSeconds) || !(tracedLaunchSeconds >= 0)
                || Double.isInfinite(tracedLaunchSeconds)) {
            throw new IllegalArgumentException("launchSeconds and tracedLaunchSeconds must be finite and >= 0");
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
        this.launchSeconds = launchSeconds;
        this.tracedLaunchSeconds = tracedLaunchSeconds;
        this.cores = cores;
        this.decodeCoresPerHeadSequence = decodeCoresPerHeadSequence;
    }

    @Override
    public List<Precision> computePrecisions() {
        return precisions;
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return peaks[precisionIndex(precision)];
    }

    /** One kernel dispatched op by op from the host (how a prefill runs, and a kernel on its own). */
    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return kernel.count() * (bound(kernel, residency) + launchSeconds);
    }

    /** The ops in sequence, each with the launch of the phase's dispatch: host for prefill, trace for decode. */
    @Override
    public StepTiming stepTiming(Step step) {
        double launch = step.phase() == Phase.DECODE ? tracedLaunchSeconds : launchSeconds;
        double stageSeconds = 0;
        for (Kernel kernel : step.kernels()) {
            stageSeconds += kernel.count() * (bound(kernel, step.residency()) + launch);
        }
        return new StepTiming(stageSeconds * step.layout().pipeline(), stageSeconds);
    }

    private double bound(Kernel kernel, Residency residency) {
        double compute = kernel.flops() / effectivePeaks[precisionIndex(kernel.precision())];
        OperandBytes bytes = kernel.bytesMoved();
        // Every tier is looked up even for zero bytes, so that a residency naming a missing tier always fails.
        double memory = bytes.weights() / bandwidth(residency.weightsTier())
                + bytes.kvCache() / bandwidth(residency.kvCacheTier())
                + bytes.activations() / bandwidth(residency.activationsTier());
        return Math.max(compute, memory * decodeAttentionSpread(kernel));
    }

    /**
     * How many times slower than the whole chip a decode attention kernel streams: {@code C ÷ min(C, 16u)} for
     * {@code u} (sequence, KV head) pairs, 1 for any other kernel (a decode shape: one query token per sequence).
     */
    double decodeAttentionSpread(Kernel kernel) {
        if (decodeCoresPerHeadSequence == 0 || !(kernel.shape() instanceof AttentionShape attention)
                || attention.queryTokens() != attention.sequences()) {
            return 1;
        }
        double used = Math.min(cores, (double) attention.sequences() * attention.kvHeads() * decodeCoresPerHeadSequence);
        return cores / used;
    }

    /** @return host dispatch cost per kernel invocation, seconds */
    public double launchSeconds() {
        return launchSeconds;
    }

    /** @return dispatch cost per kernel invocation replayed from a trace, seconds */
    public double tracedLaunchSeconds() {
        return tracedLaunchSeconds;
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
}
