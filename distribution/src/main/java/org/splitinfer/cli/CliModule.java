package org.splitinfer.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.splitinfer.core.calibration.CalibratedPredictors;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.CasePredictorFactory;

/** Bindings of the command-line tool. No I/O, no conditionals: loading happens when a command asks. */
final class CliModule extends AbstractModule {
    private final CliEnvironment environment;

    CliModule(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        bind(HardwareLoader.class).toInstance(new HardwareLoader());
        bind(CasePredictorFactory.class).to(CalibratedPredictors.class);
    }

    /** validate's predictor: the estimator with the shipped serving-stack profiles. */
    @Provides
    @Singleton
    CalibratedPredictors predictors(InstalledModels models) {
        return new CalibratedPredictors(models.catalog());
    }

    /** The built-in model catalog, read when a command first needs it. */
    @Provides
    @Singleton
    ModelCatalog modelCatalog() {
        return ModelCatalog.builtIn();
    }
}
