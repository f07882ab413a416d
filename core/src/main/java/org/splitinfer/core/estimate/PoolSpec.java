package org.splitinfer.core.estimate;

/**
 * One pool of identical instances, as the user describes it.
 *
 * @param hardware         accelerator id
 * @param chipsPerInstance chips of one model instance, or {@link #AUTO} for the fewest whose full-speed memory
 *                         holds the weights and one sequence's KV cache
 * @param instances        model instances in the pool, {@code >= 1}
 * @param tensor           tensor-parallel degree, or {@link #AUTO} to let the estimator choose
 * @param pipeline         pipeline stages, or {@link #AUTO} to let the estimator choose
 * @param precision        formats in the CLI syntax ({@code fp8}, {@code weights=fp4,activations=fp8,kv=fp8}),
 *                         or null for the hardware's preferred format
 */
public record PoolSpec(String hardware, int chipsPerInstance, int instances, int tensor, int pipeline,
                       String precision) {
    /** Marks a count the estimator chooses. */
    public static final int AUTO = 0;

    /** Validates the counts. */
    public PoolSpec {
        if (hardware == null || hardware.isBlank()) {
            throw new EstimateException("a pool needs a hardware id, e.g. h100-sxm:8");
        }
        if (chipsPerInstance < 0 || tensor < 0 || pipeline < 0) {
            throw new EstimateException("chip counts and parallel degrees must be positive (or auto), got chips "
                    + chipsPerInstance + ", tp " + tensor + ", pp " + pipeline + " for " + hardware);
        }
        if (instances < 1) {
            throw new EstimateException("instances must be at least 1, got " + instances + " for " + hardware);
        }
    }

    /**
     * A pool of one instance with every choice left to the estimator.
     *
     * @param hardware         accelerator id
     * @param chipsPerInstance chips, or {@link #AUTO}
     * @return the spec
     */
    public static PoolSpec of(String hardware, int chipsPerInstance) {
        return new PoolSpec(hardware, chipsPerInstance, 1, AUTO, AUTO, null);
    }

    /**
     * @param newPrecision formats in the CLI syntax, or null
     * @return a copy with other formats
     */
    public PoolSpec withPrecision(String newPrecision) {
        return new PoolSpec(hardware, chipsPerInstance, instances, tensor, pipeline, newPrecision);
    }

    /**
     * @param newInstances instances, {@code >= 1}
     * @return a copy with another instance count
     */
    public PoolSpec withInstances(int newInstances) {
        return new PoolSpec(hardware, chipsPerInstance, newInstances, tensor, pipeline, precision);
    }

    /**
     * @param newTensor   tensor-parallel degree or {@link #AUTO}
     * @param newPipeline pipeline stages or {@link #AUTO}
     * @return a copy with another layout
     */
    public PoolSpec withLayout(int newTensor, int newPipeline) {
        return new PoolSpec(hardware, chipsPerInstance, instances, newTensor, newPipeline, precision);
    }
}
