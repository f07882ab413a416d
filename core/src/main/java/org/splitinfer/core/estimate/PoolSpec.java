package org.splitinfer.core.estimate;

import java.util.List;
import java.util.OptionalInt;
import org.splitinfer.core.input.Limits;

/**
 * One pool of identical instances, as the user describes it. Empty counts are the estimator's to choose. Counts are
 * bounded by {@link Limits}: chips, instances, tp and pp each, and chips times instances, at most
 * {@link Limits#MAX_CHIPS}; a batch cap at most {@link Limits#MAX_SEQUENCES}; a chunk budget at most
 * {@link Limits#MAX_TOKENS}.
 *
 * @param hardware         accelerator id
 * @param chipsPerInstance chips of one model instance, or empty for the fewest that hold the weights and the KV cache
 *                         of the sequences an instance serves and that a runnable layout uses exactly, in whole
 *                         nodes of the chip
 * @param instances        model instances in the pool, {@code 1..Limits.MAX_CHIPS}
 * @param tensor           tensor-parallel degree, or empty to let the estimator choose
 * @param pipeline         pipeline stages, or empty to let the estimator choose
 * @param precision        formats in the CLI syntax ({@code fp8}, {@code weights=fp4,activations=fp8,kv=fp8}),
 *                         or null for the default-format rule
 * @param maxBatch         sequences one instance decodes at once at most (a serving engine's batch cap), or empty
 *                         for what its memory holds (the estimator) and the run's default (the simulator)
 * @param chunkTokens      prompt tokens one prefill step takes at most (the chunked-prefill budget), or empty for
 *                         the run's default; the estimator prices whole prompts
 * @param speculative      how the pool decodes speculatively, or null for plain decoding. It belongs to the pool, not
 *                         to the workload or the pipeline: the draft lives in the decoding pool's memory and runs on
 *                         its chips, so it changes how many chips an {@code auto} pool needs, how large a batch
 *                         fits and what a step costs, and only a pool that decodes can have it (a prefill pool's is
 *                         refused). The estimator models it; the simulator and the planner do not yet, and the
 *                         simulator refuses a pool that has it
 * @since 0.1
 */
public record PoolSpec(String hardware, OptionalInt chipsPerInstance, int instances, OptionalInt tensor,
                       OptionalInt pipeline, String precision, OptionalInt maxBatch, OptionalInt chunkTokens,
                       SpeculativeDecoding speculative) {

    /** Validates the counts; messages name the pool's fields ({@code chips}, {@code instances}, {@code tp}, {@code pp}). */
    public PoolSpec {
        if (hardware == null || hardware.isBlank()) {
            throw new EstimateException("a pool needs a hardware id, e.g. h100-sxm", List.of("hardware"));
        }
        if (chipsPerInstance == null || tensor == null || pipeline == null || maxBatch == null
                || chunkTokens == null) {
            throw new IllegalArgumentException("chipsPerInstance, tensor, pipeline, maxBatch and chunkTokens must not"
                    + " be null; use OptionalInt.empty() for the default");
        }
        inRange(chipsPerInstance, "chips", Limits.MAX_CHIPS, hardware);
        inRange(tensor, "tp", Limits.MAX_CHIPS, hardware);
        inRange(pipeline, "pp", Limits.MAX_CHIPS, hardware);
        inRange(maxBatch, "maxBatch", Limits.MAX_SEQUENCES, hardware);
        inRange(chunkTokens, "chunkTokens", Limits.MAX_TOKENS, hardware);
        if (!Limits.within(instances, 1, Limits.MAX_CHIPS)) {
            throw new EstimateException(Limits.outOfRange("instances", instances, 1, Limits.MAX_CHIPS) + " for the "
                    + hardware + " pool; SplitInfer models at most " + Limits.count(Limits.MAX_CHIPS) + " chips in a"
                    + " pool", List.of("instances"));
        }
        if (chipsPerInstance.isPresent() && (long) chipsPerInstance.getAsInt() * instances > Limits.MAX_CHIPS) {
            throw new EstimateException("chips × instances = " + chipsPerInstance.getAsInt() + " × " + instances
                    + " = " + Limits.count((long) chipsPerInstance.getAsInt() * instances) + " chips for the "
                    + hardware + " pool, more than the " + Limits.count(Limits.MAX_CHIPS) + " SplitInfer models in a"
                    + " pool; use fewer instances or chips", List.of("chips", "instances"));
        }
    }

    private static void inRange(OptionalInt count, String field, long max, String hardware) {
        if (count.isPresent() && !Limits.within(count.getAsInt(), 1, max)) {
            throw new EstimateException(Limits.outOfRange(field, count.getAsInt(), 1, max) + " (or left to the"
                    + " estimator) for the " + hardware + " pool", List.of(field));
        }
    }

    /** @return chips of the whole pool when the chips per instance are given: chips times instances */
    public OptionalInt totalChips() {
        return chipsPerInstance.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(chipsPerInstance.getAsInt() * instances);
    }

    /**
     * A pool that decodes plainly.
     *
     * @param hardware         accelerator id
     * @param chipsPerInstance chips of one instance, or empty for auto
     * @param instances        instances, {@code >= 1}
     * @param tensor           tensor-parallel degree, or empty
     * @param pipeline         pipeline stages, or empty
     * @param precision        formats in the CLI syntax, or null
     * @param maxBatch         the batch cap, or empty
     * @param chunkTokens      the chunked-prefill budget, or empty
     */
    public PoolSpec(String hardware, OptionalInt chipsPerInstance, int instances, OptionalInt tensor,
                    OptionalInt pipeline, String precision, OptionalInt maxBatch, OptionalInt chunkTokens) {
        this(hardware, chipsPerInstance, instances, tensor, pipeline, precision, maxBatch, chunkTokens, null);
    }

    /**
     * A pool as it was before the batch cap and chunk budget existed: both left to the defaults.
     *
     * @param hardware         accelerator id
     * @param chipsPerInstance chips of one instance, or empty for auto
     * @param instances        instances, {@code >= 1}
     * @param tensor           tensor-parallel degree, or empty
     * @param pipeline         pipeline stages, or empty
     * @param precision        formats in the CLI syntax, or null
     */
    public PoolSpec(String hardware, OptionalInt chipsPerInstance, int instances, OptionalInt tensor,
                    OptionalInt pipeline, String precision) {
        this(hardware, chipsPerInstance, instances, tensor, pipeline, precision, OptionalInt.empty(),
                OptionalInt.empty());
    }

    /**
     * A pool of one instance whose chips and layout the estimator chooses.
     *
     * @param hardware accelerator id
     * @return the spec
     */
    public static PoolSpec auto(String hardware) {
        return new PoolSpec(hardware, OptionalInt.empty(), 1, OptionalInt.empty(), OptionalInt.empty(), null);
    }

    /**
     * A pool of one instance of {@code chipsPerInstance} chips, laid out by the estimator.
     *
     * @param hardware         accelerator id
     * @param chipsPerInstance chips, {@code >= 1}
     * @return the spec
     */
    public static PoolSpec of(String hardware, int chipsPerInstance) {
        return auto(hardware).withChips(chipsPerInstance);
    }

    /** @return whether the estimator chooses the chips per instance */
    public boolean autoChips() {
        return chipsPerInstance.isEmpty();
    }

    /**
     * @param chips chips per instance, {@code >= 1}
     * @return a copy with that many chips per instance
     */
    public PoolSpec withChips(int chips) {
        return new PoolSpec(hardware, OptionalInt.of(chips), instances, tensor, pipeline, precision, maxBatch,
                chunkTokens, speculative);
    }

    /**
     * @param newPrecision formats in the CLI syntax, or null
     * @return a copy with other formats
     */
    public PoolSpec withPrecision(String newPrecision) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, newPrecision, maxBatch,
                chunkTokens, speculative);
    }

    /**
     * @param newInstances instances, {@code >= 1}
     * @return a copy with another instance count
     */
    public PoolSpec withInstances(int newInstances) {
        return new PoolSpec(hardware, chipsPerInstance, newInstances, tensor, pipeline, precision, maxBatch,
                chunkTokens, speculative);
    }

    /**
     * @param newTensor   tensor-parallel degree, {@code >= 1}
     * @param newPipeline pipeline stages, {@code >= 1}
     * @return a copy with that layout
     */
    public PoolSpec withLayout(int newTensor, int newPipeline) {
        return new PoolSpec(hardware, chipsPerInstance, instances, OptionalInt.of(newTensor),
                OptionalInt.of(newPipeline), precision, maxBatch, chunkTokens, speculative);
    }

    /**
     * @param newTensor   tensor-parallel degree, or empty for the estimator's choice
     * @param newPipeline pipeline stages, or empty for the estimator's choice
     * @return a copy with that layout
     */
    public PoolSpec withLayout(OptionalInt newTensor, OptionalInt newPipeline) {
        return new PoolSpec(hardware, chipsPerInstance, instances, newTensor, newPipeline, precision, maxBatch,
                chunkTokens, speculative);
    }

    /**
     * @param sequences the batch cap, {@code >= 1}
     * @return a copy with that cap
     */
    public PoolSpec withMaxBatch(int sequences) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, precision,
                OptionalInt.of(sequences), chunkTokens, speculative);
    }

    /**
     * @param tokens the chunked-prefill budget, {@code >= 1}
     * @return a copy with that budget
     */
    public PoolSpec withChunkTokens(int tokens) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, precision, maxBatch,
                OptionalInt.of(tokens), speculative);
    }

    /**
     * @param newSpeculative how the pool decodes speculatively, or null for plain decoding
     * @return a copy that decodes so
     */
    public PoolSpec withSpeculative(SpeculativeDecoding newSpeculative) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, precision, maxBatch,
                chunkTokens, newSpeculative);
    }
}
