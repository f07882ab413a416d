package org.splitinfer.core.report;

import java.util.List;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

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
    /** @return the kernels and collectives of one chip of the last stage, on no chip in particular */
    public StepWork work() {
        return new KernelPlanner(model, precision).plan(batch, layout);
    }

    /**
     * @param computable the formats the analysed chip computes ({@code Roofline.computePrecisions()})
     * @return the kernels and collectives of one chip of the last stage, in the formats that chip computes them in
     * @since 0.2
     */
    public StepWork work(List<Precision> computable) {
        return new KernelPlanner(model, precision, computable).plan(batch, layout);
    }
}
