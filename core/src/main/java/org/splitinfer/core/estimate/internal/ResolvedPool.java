package org.splitinfer.core.estimate.internal;

import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * A pool with every choice made: chip, formats, chips per instance, layout, where operands live and how many
 * sequences fit.
 */
record ResolvedPool(PoolRole role, PoolSpec spec, Accelerator accelerator, ModelPrecision precision, int chips,
                    ParallelLayout layout, Residency residency, int maxBatch, StepCoster coster) {

    int instances() {
        return spec.instances();
    }
}
