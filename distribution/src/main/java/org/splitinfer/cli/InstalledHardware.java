package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.core.hardware.PluginSearchPath;

/** Loads the hardware registry for a command and reports skipped plugins as one warning line each. */
final class InstalledHardware {
    private final HardwareLoader loader;
    private final CliEnvironment environment;

    @Inject
    InstalledHardware(HardwareLoader loader, CliEnvironment environment) {
        this.loader = loader;
        this.environment = environment;
    }

    HardwareRegistry load(List<Path> pluginDirectories, PrintWriter err) {
        PluginSearchPath searchPath = PluginSearchPath.of(pluginDirectories,
                environment.variable(PluginSearchPath.ENVIRONMENT_VARIABLE), environment.pluginsDirectory());
        HardwareRegistry registry = loader.load(searchPath);
        for (PluginProblem problem : registry.problems()) {
            err.println("warning: " + problem.describe());
        }
        err.flush();
        return registry;
    }
}
