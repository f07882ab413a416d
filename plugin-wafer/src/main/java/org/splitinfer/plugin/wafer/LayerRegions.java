package org.splitinfer.plugin.wafer;

import java.util.Arrays;
import java.util.List;

import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Step;

/**
 * The regions of cores that one step's work occupies on one wafer, and how long a micro-batch spends in each.
 *
 * <p><b>Placement.</b> The weights stay where the compiler put them, layer by layer: each layer's weights and KV
 * cache on a block of cores of its own, the blocks sized in proportion to the bytes they hold, so that together
 * they cover the wafer. A kernel that runs on every layer of the step (its count is above one, or at least the
 * step's layers) belongs to the layer region, {@code count ÷ layers} invocations in each of the {@code layers}
 * regions; the kernels off the layers (the LM head, the final norm, the embedding lookup) share one more region,
 * visited once. A region's share of the wafer is {@code φ = held ÷ Σ held}, {@code held} being the weight and
 * KV-cache bytes its kernels read, at least one core's worth ({@code Σ held ÷ cores}); with nothing held the regions
 * share equally. The region is taken as square, {@code side = √(φ × cores)} (a WSE-3 is 762 × 1,172 cores, so any
 * block of up to a half of it can be).
 *
 * <p><b>One micro-batch in a region.</b> A token's work for a layer runs only on that layer's region, so the region
 * has {@code φ} of the wafer's compute and SRAM bandwidth:
 * <pre>
 *   work   = Σ_kernels invocations × max(FLOPs × f ÷ F, weightBytes ÷ B + (kvBytes + activationBytes) × f ÷ B) ÷ φ
 *   fixed  = Σ_kernels invocations × phases(kind, no stream) + broadcast(side, 0)       distance and dependent steps
 *   stream = Σ_kernels invocations × wavelets(kind) + boundary × f ÷ 4 ÷ side         one link's wavelets
 *   time   = fixed ÷ clock + max(work, stream ÷ clock)
 * </pre>
 * with {@code F} and {@code B} the wafer's achievable rates (the roofline's), {@code f} the micro-batch's share of
 * the step's rows (tokens); weights are read once per micro-batch whatever its size, the rest scales with it. The
 * fabric phases ({@link WaferFabric}) are a matrix-vector product's: the input vector is multicast down the columns
 * of the block, the partial sums reduced along its rows:
 * <pre>
 *   kind                     phases                 wavelets through one link
 *   GEMM, router, attention  broadcast + reduce     (inputBytes + outputBytes) × f ÷ 4 ÷ side
 *   norm                     reduce + broadcast     2 × rows × f                  one sum of squares per token
 *   embedding                broadcast              outputBytes × f ÷ 4 ÷ side    the rows looked up
 *   element-wise             none                   none: the operands are already on the cores that hold them
 * </pre>
 * (attention as flash-decoding has it: the query multicast to the cores that hold the keys, the partial outputs and
 * their running maxima and sums reduced once). The last terms are the hand-off of the residual stream to the next
 * region. The distances and dependent steps are a chain, added to the work; the wavelets stream while the cores
 * compute, so only the longer of the two counts. A Llama layer thus pays five multicasts and five reductions (QKV,
 * attention, output, up and gate, down), two scalar all-reduces for its two norms and one hand-off.
 *
 * <p><b>Weights off the wafer.</b> With the weights streaming from MemoryX the wafer runs one layer at a time on all
 * its cores: every region is the whole wafer ({@code φ = 1}), and no two run at once.
 *
 * <p>Built per step; not thread-safe (it keeps the last fraction's times), and never shared.
 */
final class LayerRegions {

    private static final int MATRIX = 0;
    private static final int NORM = 1;
    private static final int LOOKUP = 2;
    private static final int LOCAL = 3;

    private final WaferFabric fabric;
    private final boolean timeShared;
    private final long rows;
    private final double boundaryBytes;
    private final int layerRegions;

    private final double[] replicas;
    private final double[] share;
    private final double[] side;

    private final int[] region;
    private final int[] pattern;
    private final double[] invocations;
    private final double[] flopSeconds;
    private final double[] weightSeconds;
    private final double[] scaledSeconds;
    private final double[] inputBytes;
    private final double[] outputBytes;

    private final double[] scratch;
    private final double[] streamCycles;
    private final double[] fixedCycles;
    private double filledFraction = Double.NaN;
    private double path;
    private double pathFixed;
    private double slowestFixed;
    private double slowest;

    /**
     * @param step                 the step (one wafer's kernels)
     * @param fabric               the wafer's mesh
     * @param effectiveFlops       achievable FLOP/s of the whole wafer, per kernel, in the step's kernel order
     * @param weightBytesPerSecond achievable bandwidth of the tier that holds the weights, whole wafer
     * @param kvBytesPerSecond     same for the KV cache
     * @param activationBytesPerSecond same for the activations
     * @param weightsOnWafer       whether the weights live in on-wafer SRAM (otherwise they stream from MemoryX)
     * @param boundaryBytes        the residual stream of the step's rows, bytes
     */
    LayerRegions(Step step, WaferFabric fabric, double[] effectiveFlops, double weightBytesPerSecond,
                 double kvBytesPerSecond, double activationBytesPerSecond, boolean weightsOnWafer,
                 double boundaryBytes) {
        this.fabric = fabric;
        this.timeShared = !weightsOnWafer;
        this.boundaryBytes = boundaryBytes;
        List<Kernel> kernels = step.kernels();
        int n = kernels.size();
        int layers = step.layers();
        this.region = new int[n];
        this.pattern = new int[n];
        this.invocations = new double[n];
        this.flopSeconds = new double[n];
        this.weightSeconds = new double[n];
        this.scaledSeconds = new double[n];
        this.inputBytes = new double[n];
        this.outputBytes = new double[n];

        // Region 0 is the layer region (replicated `layers` times) when some kernel runs on every layer; the kernels
        // off the layers share the next one.
        boolean anyLayerKernel = false;
        boolean anyOtherKernel = false;
        for (Kernel kernel : kernels) {
            boolean layer = onEveryLayer(kernel, layers);
            anyLayerKernel |= layer;
            anyOtherKernel |= !layer;
        }
        int regions = (anyLayerKernel ? 1 : 0) + (anyOtherKernel ? 1 : 0);
        int otherRegion = anyLayerKernel ? 1 : 0;
        long maxRows = 0;
        for (int i = 0; i < n; i++) {
            Kernel kernel = kernels.get(i);
            boolean layer = onEveryLayer(kernel, layers);
            region[i] = layer ? 0 : otherRegion;
            invocations[i] = layer ? (double) kernel.count() / layers : kernel.count();
            pattern[i] = pattern(kernel.kind());
            OperandBytes read = kernel.bytesRead();
            OperandBytes written = kernel.bytesWritten();
            flopSeconds[i] = kernel.flops() / effectiveFlops[i];
            weightSeconds[i] = (read.weights() + written.weights()) / weightBytesPerSecond;
            scaledSeconds[i] = (read.kvCache() + written.kvCache()) / kvBytesPerSecond
                    + (read.activations() + written.activations()) / activationBytesPerSecond;
            inputBytes[i] = read.activations();
            outputBytes[i] = written.activations();
            maxRows = Math.max(maxRows, rowsOf(kernel));
        }
        this.rows = Math.max(1, maxRows > 0 ? maxRows : step.sequences());
        this.layerRegions = anyLayerKernel ? layers : 0;
        this.replicas = new double[regions];
        this.share = new double[regions];
        this.side = new double[regions];
        this.scratch = new double[regions];
        this.streamCycles = new double[regions];
        this.fixedCycles = new double[regions];

        double[] held = new double[regions];
        for (int i = 0; i < n; i++) {
            Kernel kernel = kernels.get(i);
            held[region[i]] += invocations[i] * (kernel.bytesRead().weights() + kernel.bytesRead().kvCache());
        }
        double total = 0;
        for (int r = 0; r < regions; r++) {
            replicas[r] = r == 0 && anyLayerKernel ? layers : 1;
            total += replicas[r] * held[r];
        }
        double oneCore = total / fabric.cores();
        double weighted = 0;
        for (int r = 0; r < regions; r++) {
            held[r] = total > 0 ? Math.max(held[r], oneCore) : 1;
            weighted += replicas[r] * held[r];
        }
        for (int r = 0; r < regions; r++) {
            share[r] = timeShared ? 1 : held[r] / weighted;
            side[r] = Math.sqrt(Math.max(1, share[r] * fabric.cores()));
        }
    }

    /** A kernel of every layer: more than one invocation, or at least one per layer of the step. */
    private static boolean onEveryLayer(Kernel kernel, int layers) {
        return layers > 0 && (kernel.count() > 1 || kernel.count() >= layers);
    }

    private static int pattern(KernelKind kind) {
        if (kind.equals(KernelKind.NORM)) {
            return NORM;
        }
        if (kind.equals(KernelKind.ELEMENTWISE)) {
            return LOCAL;
        }
        if (kind.equals(KernelKind.EMBEDDING)) {
            return LOOKUP;
        }
        // GEMM, router, attention, and any kind this model does not know: a matrix-vector product's phases.
        return MATRIX;
    }

    private static long rowsOf(Kernel kernel) {
        if (kernel.shape() instanceof GemmShape gemm) {
            return gemm.m();
        }
        if (kernel.shape() instanceof AttentionShape attention) {
            return attention.queryTokens();
        }
        return 0;
    }

    /** @return the step's rows: new tokens, one per sequence in decode; at least 1 */
    long rows() {
        return rows;
    }

    /** @return whether the regions take turns on the whole wafer (weights off the wafer) */
    boolean timeShared() {
        return timeShared;
    }

    /** @return layer regions (the step's layers when some kernel runs on every layer, else 0) */
    int layerRegions() {
        return layerRegions;
    }

    /**
     * @param r region index (0 is the layer region when there is one)
     * @return the region's share of the wafer's cores, {@code φ}
     */
    double share(int r) {
        return share[r];
    }

    /**
     * @param r region index
     * @return cores along the side of the square region
     */
    double side(int r) {
        return side[r];
    }

    /**
     * The time one micro-batch spends in one region.
     *
     * @param r        region index (0 is the layer region when there is one)
     * @param fraction the micro-batch's share of the step's rows, {@code (0, 1]}
     * @return seconds
     */
    double regionSeconds(int r, double fraction) {
        fill(fraction);
        return scratch[r];
    }

    /**
     * The time one micro-batch takes through every region of the wafer in turn.
     *
     * @param fraction the micro-batch's share of the step's rows, {@code (0, 1]}
     * @return seconds
     */
    double pathSeconds(double fraction) {
        fill(fraction);
        return path;
    }

    /**
     * How long the busiest region is held by one micro-batch: the slowest region, or, when the regions take turns
     * on the whole wafer, the whole path.
     *
     * @param fraction the micro-batch's share of the step's rows, {@code (0, 1]}
     * @return seconds
     */
    double slowestSeconds(double fraction) {
        fill(fraction);
        return timeShared ? path : slowest;
    }

    /**
     * The part of {@link #pathSeconds} that is the fabric's own latency: the dependent broadcast and reduction steps'
     * hops and ramps, which no serving software shortens.
     *
     * @param fraction the micro-batch's share of the step's rows, {@code (0, 1]}
     * @return seconds
     */
    double pathHardwareSeconds(double fraction) {
        fill(fraction);
        return pathFixed;
    }

    /**
     * The part of {@link #slowestSeconds} that is the fabric's own latency.
     *
     * @param fraction the micro-batch's share of the step's rows, {@code (0, 1]}
     * @return seconds
     */
    double slowestHardwareSeconds(double fraction) {
        fill(fraction);
        return timeShared ? pathFixed : slowestFixed;
    }

    private void fill(double fraction) {
        if (fraction == filledFraction) {
            return;
        }
        filledFraction = fraction;
        Arrays.fill(scratch, 0);
        Arrays.fill(streamCycles, 0);
        Arrays.fill(fixedCycles, 0);
        for (int i = 0; i < region.length; i++) {
            int r = region[i];
            double s = side[r];
            double kernelSeconds = Math.max(flopSeconds[i] * fraction,
                    weightSeconds[i] + scaledSeconds[i] * fraction);
            scratch[r] += invocations[i] * kernelSeconds / share[r];
            double in = inputBytes[i] * fraction / WaferFabric.WAVELET_BYTES / s;
            double out = outputBytes[i] * fraction / WaferFabric.WAVELET_BYTES / s;
            switch (pattern[i]) {
                case NORM:
                    fixedCycles[r] += invocations[i] * (fabric.reduceCycles(s, 0) + fabric.broadcastCycles(s, 0));
                    streamCycles[r] += invocations[i] * 2 * rows * fraction;
                    break;
                case LOOKUP:
                    fixedCycles[r] += invocations[i] * fabric.broadcastCycles(s, 0);
                    streamCycles[r] += invocations[i] * out;
                    break;
                case LOCAL:
                    break;
                default:
                    fixedCycles[r] += invocations[i] * (fabric.broadcastCycles(s, 0) + fabric.reduceCycles(s, 0));
                    streamCycles[r] += invocations[i] * (in + out);
                    break;
            }
        }
        for (int r = 0; r < scratch.length; r++) {
            double s = side[r];
            fixedCycles[r] += fabric.broadcastCycles(s, 0);
            streamCycles[r] += boundaryBytes * fraction / WaferFabric.WAVELET_BYTES / s;
            scratch[r] = fabric.seconds(fixedCycles[r]) + Math.max(scratch[r], fabric.seconds(streamCycles[r]));
        }
        path = 0;
        slowest = 0;
        pathFixed = 0;
        slowestFixed = 0;
        for (int r = 0; r < scratch.length; r++) {
            double fixed = fabric.seconds(fixedCycles[r]);
            path += replicas[r] * scratch[r];
            pathFixed += replicas[r] * fixed;
            if (scratch[r] > slowest) {
                slowest = scratch[r];
                slowestFixed = fixed;
            }
        }
    }
}
