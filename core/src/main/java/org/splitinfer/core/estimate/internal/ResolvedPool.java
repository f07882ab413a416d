package org.splitinfer.core.estimate.internal;

import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * A pool with every choice made: chip, formats, chips per instance, layout, where operands live and how many
 * sequences fit.
 */
record ResolvedPool(PoolSpec spec, Accelerator accelerator, ModelPrecision precision, String precisionLabel,
                    int chips, ParallelLayout layout, Residency residency, int maxBatch, StepCoster coster) {

    String hardware() {
        return accelerator.spec().id();
    }

    int instances() {
        return spec.instances();
    }
}
