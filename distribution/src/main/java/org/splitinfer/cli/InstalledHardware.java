package org.splitinfer.cli;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.cost.ServingCalibrationFile;
import org.splitinfer.core.hardware.HardwareChanges;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.hardware.UnknownAcceleratorException;

/**
 * Opens splitinfer-core's entry point for a command: plugins from {@code --plugins}, {@code SPLITINFER_PLUGINS} and
 * the distribution's {@code plugins/}, the built-in models, the shipped defaults; skipped plugins are reported as
 * one warning line each. One instance per injector opens each search path once: a process runs one command, and a
 * test that runs many lines through one command line pays for loading the plugins once.
 */
@Singleton
final class InstalledHardware {
    private final CliEnvironment environment;
    private final InstalledModels models;
    private final Map<List<Object>, SplitInfer> opened = new HashMap<>();

    @Inject
    InstalledHardware(CliEnvironment environment, InstalledModels models) {
        this.environment = environment;
        this.models = models;
    }

    synchronized SplitInfer open(List<Path> pluginDirectories, PrintWriter err) {
        return open(pluginDirectories, HardwareChanges.NONE, err);
    }

    /**
     * @param pluginDirectories {@code --plugins}
     * @param changes           the what-if changes of {@code --set} and {@code --hardware-sheet}
     * @param err               where skipped plugins are reported
     * @return the entry point, its hardware loaded
     */
    synchronized SplitInfer open(List<Path> pluginDirectories, HardwareChanges changes, PrintWriter err) {
        return open(pluginDirectories, changes, null, err);
    }

    /**
     * @param pluginDirectories {@code --plugins}
     * @param changes           the what-if changes of {@code --set} and {@code --hardware-sheet}
     * @param calibration       {@code --calibration}: a calibration file to serve with instead of the shipped one,
     *                          or null
     * @param err               where skipped plugins and the calibration file in use are reported
     * @return the entry point, its hardware loaded
     * @throws org.splitinfer.core.cost.CalibrationFileException when the calibration file is not a valid one
     */
    synchronized SplitInfer open(List<Path> pluginDirectories, HardwareChanges changes, Path calibration,
                                 PrintWriter err) {
        PluginSearchPath searchPath = PluginSearchPath.of(pluginDirectories,
                environment.variable(PluginSearchPath.ENVIRONMENT_VARIABLE), environment.pluginsDirectory());
        List<Object> key = Arrays.asList(searchPath, changes, calibration);
        SplitInfer splitInfer = opened.get(key);
        if (splitInfer == null) {
            SplitInfer.Builder builder = SplitInfer.builder().searchPath(searchPath).models(models.catalog());
            if (calibration != null) {
                builder.calibration(ServingCalibrationFile.read(calibration));
            }
            changes.overrides().forEach(builder::override);
            changes.sheetFiles().forEach(builder::hardwareSheet);
            splitInfer = builder.build();
            splitInfer.hardware(); // a refused change fails here, before it is remembered
            opened.put(key, splitInfer);
        }
        for (PluginProblem problem : splitInfer.hardware().problems()) {
            err.println("warning: " + problem.describe());
        }
        if (calibration != null) {
            // words and JSON say "fitted by the calibration": name the file that stands in for the shipped fit
            err.println("note: serving-stack profiles from " + calibration + ", not the shipped calibration");
        }
        err.flush();
        return splitInfer;
    }

    /**
     * What a user typed for an accelerator, as its id: an id, or the unique beginning of one ({@code h100} for
     * {@code h100-sxm}). Anything else is kept as typed, for the estimator to refuse with its suggestions where the
     * deployment is estimated (one row of a comparison fails, not the comparison).
     *
     * @param splitInfer the opened hardware
     * @return typed id to id
     */
    static UnaryOperator<String> ids(SplitInfer splitInfer) {
        return typed -> {
            try {
                return splitInfer.hardware().resolve(typed).id();
            } catch (UnknownAcceleratorException e) {
                return typed;
            }
        };
    }

    HardwareRegistry load(List<Path> pluginDirectories, PrintWriter err) {
        return open(pluginDirectories, err).hardware();
    }

    HardwareRegistry load(List<Path> pluginDirectories, HardwareChanges changes, PrintWriter err) {
        return open(pluginDirectories, changes, err).hardware();
    }
}
