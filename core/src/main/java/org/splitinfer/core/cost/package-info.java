/**
 * Step costing, beneath the estimator, {@code fit}, the validation predictor (and the simulator and planner to
 * come): {@link org.splitinfer.core.cost.StepCoster} prices one phase step of a model on one chip through its
 * plugin; {@link org.splitinfer.core.cost.LayoutSearch} proposes the layouts a serving stack would run;
 * {@link org.splitinfer.core.cost.DefaultFormats} chooses formats when none are named; the serving-stack profiles
 * ({@link org.splitinfer.core.cost.ServingCalibration}) adjust the hardware model as the calibration fitted them.
 */
package org.splitinfer.core.cost;
