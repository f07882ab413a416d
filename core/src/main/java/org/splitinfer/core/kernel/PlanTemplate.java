package org.splitinfer.core.kernel;

import java.util.ArrayList;
import java.util.List;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;

/**
 * One step's plan with the context-dependent kernels left open: everything {@link KernelPlanner} derives from
 * the phase, the sequence count, the new tokens, the layout and the stage, which is all but the attention
 * kernels (they also read the prior context). A template is computed once per such key and filled in per batch
 * ({@link #plan}), so a step costs the allocation of its attention kernels and its lists, not of every kernel.
 * Immutable once built, and so safe to share between threads through {@link PlanTemplateCache}.
 */
final class PlanTemplate {
    private final Phase phase;
    private final int sequences;
    private final long newTokens;
    private final ParallelLayout layout;
    private final int stage;
    private final int firstLayer;
    private final int layers;
    /** The step's kernels in order; null where {@link #contextKernels} supplies one per batch. */
    private final Kernel[] kernels;
    private final int[] contextSlots;
    private final ContextKernel[] contextKernels;
    private final List<Collective> collectives;

    private PlanTemplate(Builder builder) {
        this.phase = builder.phase;
        this.sequences = builder.sequences;
        this.newTokens = builder.newTokens;
        this.layout = builder.layout;
        this.stage = builder.stage;
        this.firstLayer = builder.firstLayer;
        this.layers = builder.layers;
        this.kernels = builder.kernels.toArray(new Kernel[0]);
        this.contextSlots = builder.contextSlots.stream().mapToInt(Integer::intValue).toArray();
        this.contextKernels = builder.contextKernels.toArray(new ContextKernel[0]);
        this.collectives = List.copyOf(builder.collectives);
    }

    /**
     * @return whether this template is the plan of that key
     */
    boolean plans(Phase otherPhase, int otherSequences, long otherNewTokens, ParallelLayout otherLayout,
                  int otherStage) {
        return sequences == otherSequences && newTokens == otherNewTokens && stage == otherStage
                && phase == otherPhase && (layout == otherLayout || layout.equals(otherLayout));
    }

    Phase phase() {
        return phase;
    }

    int sequences() {
        return sequences;
    }

    long newTokens() {
        return newTokens;
    }

    ParallelLayout layout() {
        return layout;
    }

    int stage() {
        return stage;
    }

    /**
     * The step's work for a batch of this template's key.
     *
     * @param batch a batch with this template's phase, sequences and new tokens
     * @return the work
     */
    StepWork plan(StepBatch batch) {
        Kernel[] filled = kernels.clone();
        for (int i = 0; i < contextSlots.length; i++) {
            filled[contextSlots[i]] = contextKernels[i].of(batch);
        }
        // List.of copies the array once into an immutable list, which StepWork and Step then keep as it is.
        return new StepWork(phase, List.of(filled), collectives, layout, stage, firstLayer, layers, sequences,
                newTokens);
    }

    /** Collects a template's kernels and collectives in step order. Not thread-safe; one per template. */
    static final class Builder {
        private final Phase phase;
        private final int sequences;
        private final long newTokens;
        private final ParallelLayout layout;
        private final int stage;
        private final int firstLayer;
        private final int layers;
        private final List<Kernel> kernels = new ArrayList<>(28);
        private final List<Integer> contextSlots = new ArrayList<>(2);
        private final List<ContextKernel> contextKernels = new ArrayList<>(2);
        private final List<Collective> collectives = new ArrayList<>(8);

        Builder(Phase phase, int sequences, long newTokens, ParallelLayout layout, int stage, int firstLayer,
                int layers) {
            this.phase = phase;
            this.sequences = sequences;
            this.newTokens = newTokens;
            this.layout = layout;
            this.stage = stage;
            this.firstLayer = firstLayer;
            this.layers = layers;
        }

        /** Appends a kernel that depends only on the template's key. */
        void kernel(Kernel kernel) {
            kernels.add(kernel);
        }

        /** Appends a kernel that is built per batch, at this position. */
        void contextKernel(ContextKernel kernel) {
            contextSlots.add(kernels.size());
            contextKernels.add(kernel);
            kernels.add(null);
        }

        void collective(Collective collective) {
            collectives.add(collective);
        }

        PlanTemplate build() {
            return new PlanTemplate(this);
        }
    }
}
