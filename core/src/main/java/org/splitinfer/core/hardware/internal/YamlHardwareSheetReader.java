package org.splitinfer.core.hardware.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.splitinfer.core.error.internal.OneLine;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Source;
import org.splitinfer.spi.Status;

/**
 * Parses hardware sheets (the schema documented on {@link HardwareSheet} and in docs/hardware-sheets.md). Strict:
 * unknown keys, missing keys, bad values and figures citing unknown sources are all collected, and reported
 * together in one {@link HardwareDataException} naming the resource and each key path. A sheet is read through
 * {@link InputFiles} and {@link StructuredText}: at most {@link Limits#MAX_CONFIG_FILE_BYTES}, UTF-8, no key given
 * twice, no nesting deeper than {@link Limits#MAX_NESTING_DEPTH}; messages are one line. Each root cause is reported
 * once: a misspelt key is named with its suggestion, not also as the required key it was meant to be, and a source
 * entry that is itself malformed is not reported again by every figure citing it.
 */
public final class YamlHardwareSheetReader {
    private static final Set<String> TOP_KEYS = Set.of("family", "sources", "accelerators");
    private static final Set<String> SOURCE_KEYS = Set.of("id", "document", "url", "date", "supports");
    private static final Set<String> ACCELERATOR_KEYS = Set.of("id", "vendor", "displayName", "status", "figures");
    private static final Set<String> FIGURE_KEYS = Set.of("value", "source", "assumption");

    /**
     * Reads a sheet from a class loader's resources.
     *
     * @param resource resource name
     * @param loader   the plugin's class loader
     * @return the sheet
     * @throws HardwareDataException listing every problem
     */
    public HardwareSheet read(String resource, ClassLoader loader) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String text;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new HardwareDataException(OneLine.of("hardware sheet '" + name + "' is not in the plugin's jar; "
                        + "check the resource path the provider passes to ProviderContext.sheet"));
            }
            text = InputFiles.read(in, "hardware sheet '" + name + "'", "hardware sheet",
                    Limits.MAX_CONFIG_FILE_BYTES, YamlHardwareSheetReader::problem);
        } catch (IOException e) {
            throw problem("hardware sheet '" + name + "' cannot be closed after reading; check the plugin's jar");
        }
        return parse(name, text);
    }

    /**
     * Reads a sheet from a user's file (through {@link InputFiles}: a regular file, size-limited, UTF-8).
     *
     * @param file the YAML file
     * @return the sheet, its resource the file's path
     * @throws HardwareDataException listing every problem
     */
    public HardwareSheet read(java.nio.file.Path file) {
        String text = InputFiles.read(file, "hardware sheet", Limits.MAX_CONFIG_FILE_BYTES,
                YamlHardwareSheetReader::problem);
        return parse(file.toString(), text);
    }

    /**
     * Parses a sheet's text.
     *
     * @param resource name for messages
     * @param text     the YAML document
     * @return the sheet
     * @throws HardwareDataException listing every problem
     */
    public HardwareSheet parse(String resource, String text) {
        return parse(resource, StructuredText.yamlTree(resource, text, YamlHardwareSheetReader::problem));
    }

    private static HardwareDataException problem(String message) {
        return new HardwareDataException(OneLine.of(message));
    }

    /**
     * Parses an already-read tree.
     *
     * @param resource name for messages
     * @param root     the document
     * @return the sheet
     * @throws HardwareDataException listing every problem
     */
    public HardwareSheet parse(String resource, JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw problem(resource + " must be a mapping with keys " + TOP_KEYS);
        }
        Set<String> meant = unknownKeys(root, TOP_KEYS, "", problems);
        Family family = null;
        String familyName = text(root, "family", "", problems, meant);
        if (familyName != null) {
            try {
                family = new Family(familyName);
            } catch (IllegalArgumentException e) {
                problems.add("family: " + e.getMessage());
            }
        }
        List<Source> sources = new ArrayList<>();
        JsonNode sourceNodes = root.get("sources");
        // ids of source entries that are malformed themselves: figures citing them are not reported again
        Set<String> brokenSourceIds = new TreeSet<>();
        if (sourceNodes == null || !sourceNodes.isArray()) {
            if (!meant.contains("sources")) {
                problems.add("sources: required, a list of {id, document, url, date, supports}");
            }
        } else {
            for (int i = 0; i < sourceNodes.size(); i++) {
                Source source = source(sourceNodes.get(i), "sources[" + i + "]", problems);
                if (source != null) {
                    sources.add(source);
                } else if (sourceNodes.get(i) != null && sourceNodes.get(i).hasNonNull("id")) {
                    brokenSourceIds.add(sourceNodes.get(i).get("id").asText());
                }
            }
        }
        Set<String> sourceIds = new TreeSet<>();
        for (Source source : sources) {
            if (!sourceIds.add(source.id())) {
                problems.add("sources: id '" + source.id() + "' appears twice");
            }
        }
        List<AcceleratorSheet> accelerators = new ArrayList<>();
        JsonNode acceleratorNodes = root.get("accelerators");
        if (acceleratorNodes == null || !acceleratorNodes.isArray() || acceleratorNodes.isEmpty()) {
            if (!meant.contains("accelerators")) {
                problems.add("accelerators: required, a non-empty list");
            }
        } else {
            Set<String> ids = new TreeSet<>();
            for (int i = 0; i < acceleratorNodes.size(); i++) {
                AcceleratorSheet sheet = accelerator(resource, acceleratorNodes.get(i), "accelerators[" + i + "]",
                        sourceIds, brokenSourceIds, problems);
                if (sheet != null) {
                    if (!ids.add(sheet.id())) {
                        problems.add("accelerators[" + i + "].id: '" + sheet.id() + "' appears twice");
                    }
                    accelerators.add(sheet);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw problem(resource + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems)
                    + "; see docs/hardware-sheets.md for the schema");
        }
        return new HardwareSheet(resource, family, sources, accelerators);
    }

    private static Source source(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be a mapping with keys " + SOURCE_KEYS);
            return null;
        }
        Set<String> meant = unknownKeys(node, SOURCE_KEYS, path + ".", problems);
        String id = text(node, "id", path + ".", problems, meant);
        String document = text(node, "document", path + ".", problems, meant);
        String date = text(node, "date", path + ".", problems, meant);
        String supports = text(node, "supports", path + ".", problems, meant);
        JsonNode url = node.get("url");
        if (id == null || document == null || date == null || supports == null) {
            return null;
        }
        try {
            return new Source(id, document, url == null || url.isNull() ? null : url.asText(), date, supports);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    private static AcceleratorSheet accelerator(String resource, JsonNode node, String path, Set<String> sourceIds,
                                                Set<String> brokenSourceIds, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be a mapping with keys " + ACCELERATOR_KEYS);
            return null;
        }
        Set<String> meant = unknownKeys(node, ACCELERATOR_KEYS, path + ".", problems);
        String id = text(node, "id", path + ".", problems, meant);
        String where = id == null ? path : path + " (" + id + ")";
        String vendor = text(node, "vendor", where + ".", problems, meant);
        String displayName = text(node, "displayName", where + ".", problems, meant);
        String statusName = text(node, "status", where + ".", problems, meant);
        Status status = null;
        if (statusName != null) {
            try {
                status = Status.valueOf(statusName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".status: " + Shown.quoted(statusName) + " is not one of SHIPPING, ANNOUNCED,"
                        + " PROJECTED");
            }
        }
        List<Figure> figures = new ArrayList<>();
        JsonNode figureNodes = node.get("figures");
        if (figureNodes == null || !figureNodes.isObject() || figureNodes.isEmpty()) {
            if (!meant.contains("figures")) {
                problems.add(where + ".figures: required, a mapping of figure name to {value, source|assumption}");
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = figureNodes.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Figure figure = figure(field.getKey(), field.getValue(), where + ".figures." + field.getKey(),
                        sourceIds, brokenSourceIds, problems);
                if (figure != null) {
                    figures.add(figure);
                }
            }
        }
        if (id == null || vendor == null || displayName == null || status == null) {
            return null;
        }
        try {
            return new AcceleratorSheet(resource, id, vendor, displayName, status, figures);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static Figure figure(String name, JsonNode node, String path, Set<String> sourceIds,
                                 Set<String> brokenSourceIds, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be {value: number, source: id} or {value: number, assumption: text}");
            return null;
        }
        Set<String> meant = unknownKeys(node, FIGURE_KEYS, path + ".", problems);
        JsonNode value = node.get("value");
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            if (value != null || !meant.contains("value")) {
                problems.add(path + ".value: required, a number in the unit the figure's name says");
            }
            return null;
        }
        JsonNode source = node.get("source");
        JsonNode assumption = node.get("assumption");
        if ((source == null) == (assumption == null)) {
            if (source != null || assumption != null || !(meant.contains("source") || meant.contains("assumption"))) {
                problems.add(path + ": needs exactly one of 'source' (a source id) or 'assumption' (a rationale)");
            }
            return null;
        }
        if (source != null && !sourceIds.contains(source.asText())) {
            if (!brokenSourceIds.contains(source.asText())) {
                problems.add(path + ".source: " + Shown.quoted(source.asText()) + " is not a source id of this sheet;"
                        + " known: " + sourceIds);
            }
            return null;
        }
        try {
            return new Figure(name, value.asDouble(), source == null ? null : source.asText(),
                    assumption == null ? null : assumption.asText());
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    /** A required text; missing, it is a problem unless a misspelt key already stood for it ({@code meant}). */
    private static String text(JsonNode node, String key, String prefix, List<String> problems, Set<String> meant) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            if (value != null || !meant.contains(key)) {
                problems.add(prefix + key + ": required");
            }
            return null;
        }
        return value.asText();
    }

    /** Reports each unknown key with its suggestion; returns the keys suggested, which the misspellings meant. */
    private static Set<String> unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        Set<String> meant = new TreeSet<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(Suggestions.unknownKey(prefix + name, name, new TreeSet<>(known)));
                String closest = Suggestions.closest(name, new TreeSet<>(known));
                if (closest != null) {
                    meant.add(closest);
                }
            }
        }
        return meant;
    }
}
