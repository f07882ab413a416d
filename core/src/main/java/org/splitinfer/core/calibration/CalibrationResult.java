package org.splitinfer.core.calibration;

import org.splitinfer.core.cost.ServingCalibration;
import java.util.List;

/**
 * What a fit produced: the parameters and how each was obtained.
 *
 * @param calibration the fitted profiles
 * @param parameters  every fitted parameter with its bounds and the cases it draws on
 * @param cases       cases the fit used
 * @param skipped     cases left out (they could not be predicted), with why
 */
public record CalibrationResult(ServingCalibration calibration, List<FittedParameter> parameters, int cases,
                                List<String> skipped) {
    /** Copies the lists. */
    public CalibrationResult {
        parameters = List.copyOf(parameters);
        skipped = List.copyOf(skipped);
    }
}
