/**
 * Validation against published measurements: cases in the format of the validation README (see
 * {@code org/splitinfer/core/validation/README.md}), read strictly by {@link org.splitinfer.core.validate.ValidationCases};
 * a {@link org.splitinfer.core.validate.CasePredictor} that predicts each case; a
 * {@link org.splitinfer.core.validate.ValidationReport} of relative errors (median, 90th percentile, per hardware
 * family); and {@link org.splitinfer.core.validate.LeaveOneOut}, which refits a
 * {@link org.splitinfer.core.validate.Calibration} without each case in turn and predicts it.
 *
 * <p>The package knows no estimator and no plugin: predictors and calibrations are passed in, and the family of a
 * hardware id is a function the caller supplies.
 */
package org.splitinfer.core.validate;
