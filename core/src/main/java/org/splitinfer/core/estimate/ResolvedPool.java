package org.splitinfer.core.estimate;

import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * A pool with every choice made: chip, formats, chips per instance, layout, where operands live, and how much KV
 * cache an instance holds. What the estimator prices and the simulator runs.
 *
 * @param role          what the pool runs
 * @param spec          the pool as it was asked for
 * @param accelerator   the chip
 * @param precision     the formats
 * @param chips         chips per instance
 * @param layout        the instance's layout
 * @param residency     where operands live (the memory model's full-speed placement)
 * @param maxBatch      sequences of the sizing workload's final context whose KV cache one instance holds
 * @param kvCacheBytes  full-speed memory one instance has left for the KV cache after the weights, bytes
 * @param coster        prices the pool's steps (chip, model, formats, serving-stack adjustment)
 * @param draft         the draft of a pool that decodes speculatively, or null; its weights and KV cache are within
 *                      the memory the other figures leave
 * @since 0.1
 */
public record ResolvedPool(PoolRole role, PoolSpec spec, Accelerator accelerator, ModelPrecision precision, int chips,
                           ParallelLayout layout, Residency residency, int maxBatch, double kvCacheBytes,
                           StepCoster coster, ResolvedDraft draft) {

    /**
     * A pool that decodes plainly.
     *
     * @param role         what the pool runs
     * @param spec         the pool as it was asked for
     * @param accelerator  the chip
     * @param precision    the formats
     * @param chips        chips per instance
     * @param layout       the instance's layout
     * @param residency    where operands live
     * @param maxBatch     sequences one instance holds
     * @param kvCacheBytes full-speed memory one instance has left for the KV cache
     * @param coster       prices the pool's steps
     */
    public ResolvedPool(PoolRole role, PoolSpec spec, Accelerator accelerator, ModelPrecision precision, int chips,
                        ParallelLayout layout, Residency residency, int maxBatch, double kvCacheBytes,
                        StepCoster coster) {
        this(role, spec, accelerator, precision, chips, layout, residency, maxBatch, kvCacheBytes, coster, null);
    }

    /** @return instances in the pool */
    public int instances() {
        return spec.instances();
    }

    /** @return chips of the whole pool */
    public int totalChips() {
        return chips * spec.instances();
    }
}
