package org.splitinfer.core.cost;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Prices phase steps of one model on one chip kind: the one engine the estimator, the simulator and the planner
 * share.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>The {@link KernelPlanner} gives the heaviest pipeline stage's kernels and collectives; the plugin's
 *       {@link org.splitinfer.spi.Roofline#stepTiming} turns the kernels into a latency through all stages and a
 *       steady-state interval (a family overrides it for what is not a sum: LPU hops, wafer fabric latency, RDU
 *       dataflow fusion).</li>
 *   <li>Collectives are priced by the plugin's {@link org.splitinfer.spi.Interconnect} and not overlapped with
 *       compute (the serving stacks this is calibrated against run tensor-parallel all-reduces on the critical
 *       path). Every stage runs the same collectives, so the latency adds {@code pipeline × collectives} and the
 *       interval one stage's; the {@code pipeline − 1} stage boundaries each add one activation send to the
 *       latency only, unless the family's step model already prices its hand-offs
 *       ({@link org.splitinfer.spi.Roofline#stepTimingIncludesStageHandOffs()}).</li>
 *   <li>A {@link StepAdjustment} (fitted per serving stack by the calibration) divides kernel time by the stack's
 *       kernel efficiency (its prefill or its decode one, by the step's phase), adds its fixed per-step overhead, its
 *       host cost per sequence of a decode step, its time per decoder layer, a latency per collective step, and, for
 *       a stack whose collectives run as rings, a latency per ring step ({@code 2(n − 1)} for an all-reduce). A
 *       stack whose attention reaches a lower fraction of peak than its other kernels (its attention efficiency below
 *       1) has each attention kernel take at least {@code FLOPs ÷ (peak × attentionEfficiency)}: the excess over the
 *       kernel's time after the efficiency is added to every stage's kernel work. It bites only where attention is
 *       compute-bound (long prompts); a decode step's attention streams the KV cache far below that ceiling.</li>
 *   <li>latency = kernelLatency ÷ efficiency + pipeline × attentionExcess + pipeline × (collectives + layers ×
 *       layerSeconds) + (pipeline − 1) × send + overhead + sequences × sequenceSeconds (decode); interval =
 *       kernelInterval ÷ efficiency + attentionExcess + collectives + layers × layerSeconds + overhead + sequences ×
 *       sequenceSeconds (decode), with {@code layers} those of the heaviest stage, which stands for every stage as its
 *       kernels do.</li>
 * </ul>
 * Immutable and thread-safe; the result depends only on the arguments, so callers may cache it.
 */
public final class StepCoster {
    private static final Set<String> OUTSIDE_LAYERS = Set.of("embedding", "position_embedding",
            "embedding_norm", "final_norm", "lm_head", "embedding all-reduce", "logits all-gather");

    private final Accelerator accelerator;
    private final KernelPlanner planner;
    private final StepAdjustment adjustment;
    private final boolean layersOnly;

    /**
     * @param accelerator the chip
     * @param model       the model
     * @param precision   its formats
     */
    public StepCoster(Accelerator accelerator, ModelSpec model, ModelPrecision precision) {
        this(accelerator, model, precision, StepAdjustment.NONE, false);
    }

    /**
     * @param accelerator the chip
     * @param model       the model
     * @param precision   its formats
     * @param adjustment  what the serving stack adds to the hardware model
     * @param layersOnly  price the transformer layers and their collectives only: no embedding, final norm, LM
     *                    head or fixed per-step overhead (single-layer measurements)
     */
    public StepCoster(Accelerator accelerator, ModelSpec model, ModelPrecision precision, StepAdjustment adjustment,
                      boolean layersOnly) {
        this.accelerator = accelerator;
        this.planner = new KernelPlanner(model, precision, accelerator.roofline().computePrecisions());
        this.adjustment = adjustment;
        this.layersOnly = layersOnly;
    }

    /** @return the serving stack's fixed seconds per step that this coster adds (0 for layers alone) */
    public double stepOverheadSeconds() {
        return layersOnly ? 0 : adjustment.stepOverheadSeconds();
    }

    /** @return the chip */
    public Accelerator accelerator() {
        return accelerator;
    }

    /** @return the planner, for the model and precision */
    public KernelPlanner planner() {
        return planner;
    }

    /**
     * The cost of one step.
     *
     * @param batch     the sequences of one instance's step
     * @param layout    the instance's layout
     * @param residency where operands live (from the memory model's placement)
     * @return the cost
     * @throws FormatException when the chip cannot compute a kernel's format (the plugin's
     *                         {@link UnsupportedPrecisionException} is its cause)
     */
    public StepCost cost(StepBatch batch, ParallelLayout layout, Residency residency) {
        try {
            return price(batch, layout, residency);
        } catch (UnsupportedPrecisionException e) {
            throw new FormatException(e.getMessage(), e, List.of("precision"));
        }
    }

    private StepCost price(StepBatch batch, ParallelLayout layout, Residency residency) {
        StepWork work = planner.plan(batch, layout);
        if (layersOnly) {
            work = withoutEmbeddingAndHead(work);
        }
        StepTiming timing = accelerator.roofline().stepTiming(work.toStep(residency));
        double collectives = 0;
        double send = 0;
        for (Collective collective : work.collectives()) {
            double seconds = accelerator.interconnect().collectiveSeconds(collective);
            if (collective.kind().equals(CollectiveKind.SEND_RECV)) {
                send += seconds;
            } else {
                collectives += seconds + (double) accelerator.interconnect().collectiveLatencySteps(collective)
                        * collective.count() * adjustment.collectiveStepSeconds()
                        + (double) StepAdjustment.ringSteps(collective) * collective.count()
                        * adjustment.ringStepSeconds();
            }
        }
        if (accelerator.roofline().stepTimingIncludesStageHandOffs()) {
            send = 0;
        }
        int stages = layout.pipeline();
        double overhead = layersOnly ? 0 : adjustment.stepOverheadSeconds();
        // a stack's efficiency stretches the kernels' work, never the machine's own hops, barriers or reloads
        double efficiency = adjustment.kernelEfficiency(work.phase());
        double excess = attentionExcessSeconds(work, residency, efficiency);
        double kernelLatency = timing.workLatencySeconds() / efficiency + stages * excess
                + timing.hardwareLatencySeconds();
        double kernelInterval = timing.workIntervalSeconds() / efficiency + excess
                + timing.hardwareIntervalSeconds();
        // the host's work per sequence runs beside no kernel of the step (the stacks fitted here serve serially)
        double host = layersOnly || work.phase() != Phase.DECODE ? 0 : adjustment.sequenceSeconds() * work.sequences();
        // the program's time per layer is inside the layers, so a single-layer measurement pays it too
        double layers = work.layersPerChip() * adjustment.layerSeconds();
        double latency = kernelLatency + stages * (collectives + layers) + (stages - 1) * send + overhead + host;
        double interval = kernelInterval + collectives + layers + overhead + host;
        return new StepCost(work, kernelLatency, kernelInterval, collectives, send, latency, interval);
    }

    /**
     * The time one stage's attention kernels take beyond their modelled time ÷ {@code efficiency} when the stack's
     * attention reaches at most {@link StepAdjustment#attentionEfficiency()} of the chip's peak in the kernel's
     * format; 0 without such a cap.
     */
    private double attentionExcessSeconds(StepWork work, Residency residency, double efficiency) {
        double ceiling = adjustment.attentionEfficiency();
        if (ceiling >= 1) {
            return 0;
        }
        double excess = 0;
        for (Kernel kernel : work.kernels()) {
            if (KernelKind.ATTENTION.equals(kernel.kind())) {
                double capped = kernel.totalFlops()
                        / (accelerator.roofline().peakFlopsPerSecond(kernel.precision()) * ceiling);
                excess += Math.max(0, capped - accelerator.roofline().kernelSeconds(kernel, residency) / efficiency);
            }
        }
        return excess;
    }

    private static StepWork withoutEmbeddingAndHead(StepWork work) {
        return new StepWork(work.phase(), insideLayers(work.kernels(), Kernel::name),
                insideLayers(work.collectives(), Collective::name), work.layout(), work.stage(), work.firstLayer(),
                work.layersPerChip(), work.sequences(), work.newTokens());
    }

    /**
     * The items whose names are not {@link #OUTSIDE_LAYERS}, as an immutable list that {@link StepWork} keeps as it
     * is; the list itself when nothing is outside, so a stage without embedding or head copies nothing.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> insideLayers(List<T> items, Function<T, String> name) {
        int inside = 0;
        for (T item : items) {
            if (!OUTSIDE_LAYERS.contains(name.apply(item))) {
                inside++;
            }
        }
        if (inside == items.size()) {
            return items;
        }
        Object[] kept = new Object[inside];
        int next = 0;
        for (T item : items) {
            if (!OUTSIDE_LAYERS.contains(name.apply(item))) {
                kept[next++] = item;
            }
        }
        return (List<T>) List.of(kept);
    }
}
