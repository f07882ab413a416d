package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.core.hardware.PluginSearchPath;

/**
 * Opens splitinfer-core's entry point for a command: plugins from {@code --plugins}, {@code SPLITINFER_PLUGINS} and
 * the distribution's {@code plugins/}, the built-in models, the shipped defaults; skipped plugins are reported as
 * one warning line each.
 */
final class InstalledHardware {
    private final CliEnvironment environment;
    private final InstalledModels models;

    @Inject
    InstalledHardware(CliEnvironment environment, InstalledModels models) {
        this.environment = environment;
        this.models = models;
    }

    SplitInfer open(List<Path> pluginDirectories, PrintWriter err) {
        PluginSearchPath searchPath = PluginSearchPath.of(pluginDirectories,
                environment.variable(PluginSearchPath.ENVIRONMENT_VARIABLE), environment.pluginsDirectory());
        SplitInfer splitInfer = SplitInfer.builder().searchPath(searchPath).models(models.catalog()).build();
        for (PluginProblem problem : splitInfer.hardware().problems()) {
            err.println("warning: " + problem.describe());
        }
        err.flush();
        return splitInfer;
    }

    HardwareRegistry load(List<Path> pluginDirectories, PrintWriter err) {
        return open(pluginDirectories, err).hardware();
    }
}
