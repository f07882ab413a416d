package org.splitinfer.core.calibration;

import org.splitinfer.core.cost.ServingCalibration;
import java.util.Optional;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.CasePredictor;
import org.splitinfer.core.validate.CasePredictorFactory;
import org.splitinfer.core.validate.Calibration;

/** The estimator as {@code validate}'s predictor: the shipped profiles, and the fit for leave-one-out. */
public final class CalibratedPredictors implements CasePredictorFactory {
    private final ModelCatalog catalog;

    /**
     * @param catalog the models cases name
     */
    public CalibratedPredictors(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CasePredictor predictor(HardwareRegistry hardware) {
        return new EstimatorCasePredictor(hardware, catalog, ServingCalibration.shipped());
    }

    @Override
    public Optional<Calibration<?>> calibration(HardwareRegistry hardware) {
        return Optional.of(new ServingCalibrationFit(hardware, catalog));
    }
}
