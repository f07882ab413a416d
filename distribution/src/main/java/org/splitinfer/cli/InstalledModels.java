package org.splitinfer.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.splitinfer.core.error.SplitInferException;
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
        ModelCatalog models = catalog();
        if (!models.contains(idOrPath)) {
            // a config folder or file is read; a device or a named pipe would be read forever
            try {
                Path path = Path.of(idOrPath.strip());
                if (Files.exists(path) && !Files.isDirectory(path) && !Files.isRegularFile(path)) {
                    throw new SplitInferException("--model names '" + idOrPath + "', which is not a regular file (a"
                            + " device or a pipe); give a catalog id, a config.json or its folder");
                }
            } catch (InvalidPathException e) {
                // not a path: the catalog says it is unknown
            }
        }
        return models.resolve(idOrPath);
    }
}
