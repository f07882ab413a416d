package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.model.ModelSpec;

/** What the estimating commands share: the model catalog, the installed hardware and the estimator. */
final class Estimation {
    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Inject
    Estimation(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    ModelSpec model(String idOrPath) {
        return models.resolve(idOrPath);
    }

    SplitInfer open(List<Path> pluginDirectories, PrintWriter err) {
        return hardware.open(pluginDirectories, err);
    }

    SplitInfer open(List<Path> pluginDirectories, WhatIfOptions whatIf, CalibrationOption calibration,
                    PrintWriter err) {
        return hardware.open(pluginDirectories, whatIf.changes(), calibration.file, err);
    }
}
