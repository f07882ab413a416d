package org.splitinfer.core.report;

import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;

/**
 * A model's phase step whose kernels a roofline analysis places.
 *
 * @param model     the model
 * @param precision its formats
 * @param batch     the step
 * @param layout    the layout (one chip of its last stage is analysed)
 * @since 0.1
 */
public record RooflineStep(ModelSpec model, ModelPrecision precision, StepBatch batch, ParallelLayout layout) {
    /** @return the kernels and collectives of one chip of the last stage */
    public StepWork work() {
        return new KernelPlanner(model, precision).plan(batch, layout);
    }
}
