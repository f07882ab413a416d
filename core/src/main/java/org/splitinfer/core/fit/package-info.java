/**
 * Fitting a model onto a chip kind: {@link org.splitinfer.core.fit.ModelFitter} finds the fewest chips whose
 * full-speed memory holds a model's weights and one sequence's KV cache, reports where the bytes live, and prices
 * the family's alternative placements (DDR spill, weight streaming, host memory) by the batch-1 decode step time
 * they cost. The result, a {@link org.splitinfer.core.fit.FitReport}, says which figures rest on assumptions or on
 * hardware that is announced or projected rather than shipping.
 */
package org.splitinfer.core.fit;
