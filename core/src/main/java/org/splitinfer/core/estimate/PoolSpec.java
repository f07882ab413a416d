package org.splitinfer.core.estimate;

import java.util.List;
import java.util.OptionalInt;

/**
 * One pool of identical instances, as the user describes it. Empty counts are the estimator's to choose.
 *
 * @param hardware         accelerator id
 * @param chipsPerInstance chips of one model instance, or empty for the fewest that hold the weights and the KV cache
 *                         of the sequences an instance serves and that a runnable layout uses exactly
 * @param instances        model instances in the pool, {@code >= 1}
 * @param tensor           tensor-parallel degree, or empty to let the estimator choose
 * @param pipeline         pipeline stages, or empty to let the estimator choose
 * @param precision        formats in the CLI syntax ({@code fp8}, {@code weights=fp4,activations=fp8,kv=fp8}),
 *                         or null for the default-format rule
 * @param maxBatch         sequences one instance decodes at once at most (a serving engine's batch cap), or empty
 *                         for what its memory holds (the estimator) and the run's default (the simulator)
 * @param chunkTokens      prompt tokens one prefill step takes at most (the chunked-prefill budget), or empty for
 *                         the run's default; the estimator prices whole prompts
 * @since 0.1
 */
public record PoolSpec(String hardware, OptionalInt chipsPerInstance, int instances, OptionalInt tensor,
                       OptionalInt pipeline, String precision, OptionalInt maxBatch, OptionalInt chunkTokens) {

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
        positive(chipsPerInstance, "chips", hardware);
        positive(tensor, "tp", hardware);
        positive(pipeline, "pp", hardware);
        positive(maxBatch, "maxBatch", hardware);
        positive(chunkTokens, "chunkTokens", hardware);
        if (instances < 1) {
            throw new EstimateException("instances must be at least 1, got " + instances + " for the " + hardware
                    + " pool", List.of("instances"));
        }
    }

    private static void positive(OptionalInt count, String field, String hardware) {
        if (count.isPresent() && count.getAsInt() < 1) {
            throw new EstimateException(field + " must be at least 1 (or left to the estimator), got "
                    + count.getAsInt() + " for the " + hardware + " pool", List.of(field));
        }
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
                chunkTokens);
    }

    /**
     * @param newPrecision formats in the CLI syntax, or null
     * @return a copy with other formats
     */
    public PoolSpec withPrecision(String newPrecision) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, newPrecision, maxBatch,
                chunkTokens);
    }

    /**
     * @param newInstances instances, {@code >= 1}
     * @return a copy with another instance count
     */
    public PoolSpec withInstances(int newInstances) {
        return new PoolSpec(hardware, chipsPerInstance, newInstances, tensor, pipeline, precision, maxBatch,
                chunkTokens);
    }

    /**
     * @param newTensor   tensor-parallel degree, {@code >= 1}
     * @param newPipeline pipeline stages, {@code >= 1}
     * @return a copy with that layout
     */
    public PoolSpec withLayout(int newTensor, int newPipeline) {
        return new PoolSpec(hardware, chipsPerInstance, instances, OptionalInt.of(newTensor),
                OptionalInt.of(newPipeline), precision, maxBatch, chunkTokens);
    }

    /**
     * @param newTensor   tensor-parallel degree, or empty for the estimator's choice
     * @param newPipeline pipeline stages, or empty for the estimator's choice
     * @return a copy with that layout
     */
    public PoolSpec withLayout(OptionalInt newTensor, OptionalInt newPipeline) {
        return new PoolSpec(hardware, chipsPerInstance, instances, newTensor, newPipeline, precision, maxBatch,
                chunkTokens);
    }

    /**
     * @param sequences the batch cap, {@code >= 1}
     * @return a copy with that cap
     */
    public PoolSpec withMaxBatch(int sequences) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, precision,
                OptionalInt.of(sequences), chunkTokens);
    }

    /**
     * @param tokens the chunked-prefill budget, {@code >= 1}
     * @return a copy with that budget
     */
    public PoolSpec withChunkTokens(int tokens) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, precision, maxBatch,
                OptionalInt.of(tokens));
    }
}
