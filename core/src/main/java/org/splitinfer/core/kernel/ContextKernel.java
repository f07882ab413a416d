package org.splitinfer.core.kernel;

import org.splitinfer.spi.Kernel;

/**
 * A kernel of a step whose work depends on the sequences' prior context (attention, and MLA's prefill
 * decompression), built afresh for each batch while the rest of the step's plan is reused ({@link PlanTemplate}).
 * Implementations are pure and thread-safe.
 */
@FunctionalInterface
interface ContextKernel {
    /**
     * @param batch the step
     * @return the kernel for that batch
     */
    Kernel of(StepBatch batch);
}
