package org.splitinfer.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;

/** The built-in model catalog (bound once in {@link CliModule}), read when a command first asks for it. */
final class InstalledModels {
    private final Provider<ModelCatalog> catalog;

    @Inject
    InstalledModels(Provider<ModelCatalog> catalog) {
        this.catalog = catalog;
    }

    /** @return the built-in catalog */
    ModelCatalog catalog() {
        return catalog.get();
    }

    /**
     * @param idOrPath a catalog id, or a path to a Hugging Face config.json or a model YAML file
     * @return the model
     */
    ModelSpec resolve(String idOrPath) {
        return catalog().resolve(idOrPath);
    }
}
