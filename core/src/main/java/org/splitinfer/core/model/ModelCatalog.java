package org.splitinfer.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.splitinfer.core.error.internal.Suggestions;

/**
 * Models by id: the built-in catalog (YAML resources under {@code org/splitinfer/core/models/}, listed in its
 * {@code index.txt}, each with a {@code source}) or any list of models. Immutable and thread-safe.
 *
 * <p>{@link #resolve(String)} is what a command line wants: a catalog id, or a path to a Hugging Face
 * {@code config.json} (or a directory holding one), or a path to a model file in the catalog's YAML schema.
 *
 * @since 0.1
 */
public final class ModelCatalog {

    private static final String RESOURCE_FOLDER = "/org/splitinfer/core/models/";

    private final TreeMap<String, ModelSpec> models = new TreeMap<>();
    private final List<String> ids;

    /**
     * A catalog of the given models.
     *
     * @param models the models; ids must be distinct
     * @throws IllegalArgumentException when two models share an id
     */
    public ModelCatalog(Collection<ModelSpec> models) {
        for (ModelSpec model : models) {
            ModelSpec previous = this.models.put(model.id(), model);
            if (previous != null) {
                throw new IllegalArgumentException("model id '" + model.id() + "' appears twice in the catalog");
            }
        }
        this.ids = List.copyOf(this.models.keySet());
    }

    /**
     * The built-in catalog, read from the class path. Each call reads the resources again (a few
     * milliseconds); bind one instance as a singleton.
     *
     * @return the catalog
     * @throws ModelConfigException when a built-in file is faulty (a packaging bug)
     */
    public static ModelCatalog builtIn() {
        List<ModelSpec> models = new ArrayList<>();
        for (String file : builtInFiles()) {
            String resource = RESOURCE_FOLDER + file;
            try (InputStream input = ModelCatalog.class.getResourceAsStream(resource)) {
                if (input == null) {
                    throw new ModelConfigException("model file '" + resource + "' listed in index.txt is missing.");
                }
                ModelSpec model = ModelFileReader.read(resource, input);
                String expectedId = file.substring(0, file.lastIndexOf('.'));
                if (!model.id().equals(expectedId)) {
                    throw new ModelConfigException("model file '" + resource + "' has key 'id' '" + model.id()
                            + "' but its file name says '" + expectedId + "'.");
                }
                models.add(model);
            } catch (IOException e) {
                throw new ModelConfigException("model file '" + resource + "' could not be read: " + e.getMessage()
                        + ".", e);
            }
        }
        return new ModelCatalog(models);
    }

    /**
     * The file names the built-in index lists.
     *
     * @return file names such as {@code llama-2-7b.yaml}, in index order
     */
    static List<String> builtInFiles() {
        String index = RESOURCE_FOLDER + "index.txt";
        try (InputStream input = ModelCatalog.class.getResourceAsStream(index)) {
            if (input == null) {
                throw new ModelConfigException("model index '" + index + "' is missing from the class path.");
            }
            List<String> files = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    files.add(trimmed);
                }
            }
            return files;
        } catch (IOException e) {
            throw new ModelConfigException("model index '" + index + "' could not be read: " + e.getMessage() + ".",
                    e);
        }
    }

    /** @return every id, sorted */
    public List<String> ids() {
        return ids;
    }

    /** @return every model, sorted by id */
    public List<ModelSpec> models() {
        return List.copyOf(models.values());
    }

    /**
     * Whether the catalog holds an id.
     *
     * @param id the id, case-insensitive
     * @return true when {@link #get(String)} would find it
     */
    public boolean contains(String id) {
        return id != null && models.containsKey(id.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * A model by id.
     *
     * @param id the id, case-insensitive
     * @return the model
     * @throws UnknownModelException naming the nearest id and the known ones
     */
    public ModelSpec get(String id) {
        ModelSpec model = id == null ? null : models.get(id.strip().toLowerCase(Locale.ROOT));
        if (model == null) {
            throw new UnknownModelException(String.valueOf(id), Suggestions.closest(id, ids), ids);
        }
        return model;
    }

    /**
     * A catalog id, or a path to a Hugging Face {@code config.json} (or a directory holding one), or a path to a
     * {@code .yaml}/{@code .yml} model file in the catalog's schema. Catalog ids win over same-named paths.
     *
     * @param idOrPath what the user typed
     * @return the model
     * @throws UnknownModelException when it is neither a known id nor an existing path
     * @throws ModelConfigException  when the file it names cannot be imported
     */
    public ModelSpec resolve(String idOrPath) {
        if (contains(idOrPath)) {
            return get(idOrPath);
        }
        Path path = null;
        if (idOrPath != null && !idOrPath.isBlank()) {
            try {
                path = Path.of(idOrPath.strip());
            } catch (InvalidPathException e) {
                path = null;
            }
        }
        if (path != null && !Files.exists(path) && looksLikeAPath(idOrPath)) {
            throw new ModelConfigException("model file '" + path + "' does not exist; give a catalog id or"
                    + " the path of a config.json.");
        }
        if (path == null || !Files.exists(path)) {
            throw new UnknownModelException(String.valueOf(idOrPath), Suggestions.closest(idOrPath, ids), ids);
        }
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(path) && (fileName.endsWith(".yaml") || fileName.endsWith(".yml"))) {
            return ModelFileReader.read(path);
        }
        return HuggingFaceConfigImporter.importConfig(path);
    }
    /** A name with a directory separator or a file extension is meant as a file, not a catalog id. */
    private static boolean looksLikeAPath(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.contains("/") || lower.contains("\\") || lower.endsWith(".json") || lower.endsWith(".yaml")
                || lower.endsWith(".yml");
    }

}
