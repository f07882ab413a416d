package org.splitinfer.core.validate;

import java.util.Optional;
import org.splitinfer.core.hardware.HardwareRegistry;

/**
 * Makes the predictor for the installed hardware (which depends on the plugins a command loaded), and the
 * calibration that {@code validate --leave-one-out} refits. The command-line tool takes one by injection.
 *
 * @since 0.1
 */
public interface CasePredictorFactory {

    /**
     * @param hardware the installed accelerators
     * @return the predictor with the shipped (calibrated) parameters
     */
    CasePredictor predictor(HardwareRegistry hardware);

    /**
     * @param hardware the installed accelerators
     * @return the calibration to refit in leave-one-out, or empty when this predictor fits nothing
     */
    default Optional<Calibration<?>> calibration(HardwareRegistry hardware) {
        return Optional.empty();
    }
}
