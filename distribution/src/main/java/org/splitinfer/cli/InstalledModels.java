package org.splitinfer.cli;

import com.google.inject.Inject;

import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;

/** The built-in model catalog, read when a command first asks for it. */
final class InstalledModels {
    private ModelCatalog catalog;

    @Inject
    InstalledModels() {
    }

    /** @return the built-in catalog */
    synchronized ModelCatalog catalog() {
        if (catalog == null) {
            catalog = ModelCatalog.builtIn();
        }
        return catalog;
    }

    /**
     * @param idOrPath a catalog id, or a path to a Hugging Face config.json or a model YAML file
     * @return the model
     */
    ModelSpec resolve(String idOrPath) {
        return catalog().resolve(idOrPath);
    }
}
