package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;

/** What the estimating commands share: the model catalog, the installed hardware and the estimator. */
final class Estimation {
    private final InstalledHardware hardware;
    private final ModelCatalog catalog;

    @Inject
    Estimation(InstalledHardware hardware, ModelCatalog catalog) {
        this.hardware = hardware;
        this.catalog = catalog;
    }

    ModelSpec model(String idOrPath) {
        return catalog.resolve(idOrPath);
    }

    Estimator estimator(List<Path> pluginDirectories, PrintWriter err) {
        return new Estimator(hardware.load(pluginDirectories, err), LinkCatalog.builtIn(), CostAssumptions.DEFAULT);
    }
}
