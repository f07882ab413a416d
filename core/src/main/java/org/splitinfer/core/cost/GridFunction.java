package org.splitinfer.core.cost;

/**
 * What a {@link StepCostGrid} tabulates: the direct cost of the step at two integer inputs (decode: batch and
 * context; prefill: chunk tokens and prior context).
 */
@FunctionalInterface
interface GridFunction {
    /**
     * @param x the first input
     * @param y the second input
     * @return the step's cost, priced directly
     */
    StepCost at(long x, long y);
}
