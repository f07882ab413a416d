package org.splitinfer.cli;

import com.google.inject.AbstractModule;
import org.splitinfer.core.hardware.HardwareLoader;

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
    }
}
