package org.splitinfer.cli;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.splitinfer.core.validate.CasePredictorFactory;

/**
 * Declares the predictor of {@code validate} as optional, so that the tool starts, and its other commands run, in a
 * build where nothing binds one: {@code validate} then says so and exits 1. The estimator's module binds it with
 * {@code bind(CasePredictorFactory.class).to(...)}.
 */
final class ValidationModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), CasePredictorFactory.class);
    }
}
