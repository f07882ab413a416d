package org.splitinfer.core.estimate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.error.internal.Suggestions;

/** Strict reader of pipeline YAML (schema on {@link org.splitinfer.core.estimate.PipelineFile}). */
public final class PipelineYaml {
    private static final Set<String> TOP = new TreeSet<>(Set.of("prefill", "decode", "colocated", "link",
            "layerStreaming"));
    private static final Set<String> POOL = new TreeSet<>(Set.of("hardware", "chips", "instances", "tp", "pp",
            "precision", "maxBatch", "chunkTokens"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PipelineYaml() {
    }

    /**
     * @param file the file
     * @return the pipeline
     */
    public static PipelineSpec read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new EstimateException("pipeline file '" + file + "' does not exist; check the path");
        } catch (IOException e) {
            throw new EstimateException("cannot read pipeline file '" + file + "': " + e.getMessage());
        }
    }

    /**
     * @param origin name for messages
     * @param text   the YAML
     * @return the pipeline
     */
    public static PipelineSpec parse(String origin, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EstimateException(origin + " is not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "; fix its syntax");
        }
        return parse(origin, root);
    }

    /**
     * @param origin name for messages
     * @param root   the parsed document (or an inline mapping of another file)
     * @return the pipeline
     */
    public static PipelineSpec parse(String origin, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new EstimateException(origin + " must be a mapping with prefill and decode pools, or a colocated"
                    + " pool");
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(root, TOP, "", problems);
        PoolSpec prefill = pool(root.get("prefill"), "prefill", problems);
        PoolSpec decode = pool(root.get("decode"), "decode", problems);
        PoolSpec colocated = pool(root.get("colocated"), "colocated", problems);
        String link = text(root.get("link"), "link", problems);
        JsonNode streaming = root.get("layerStreaming");
        if (streaming != null && !streaming.isBoolean()) {
            problems.add("layerStreaming: must be true or false, got '" + streaming.asText() + "'");
        }
        boolean split = root.has("prefill") || root.has("decode");
        if (split && root.has("colocated")) {
            problems.add("give either prefill and decode (split) or colocated, not both");
        } else if (!split && !root.has("colocated")) {
            problems.add("no pool: give prefill and decode (split) or colocated");
        } else if (split && !(root.has("prefill") && root.has("decode"))) {
            problems.add("a split pipeline needs both prefill and decode");
        }
        if (!split && (root.has("link") || root.has("layerStreaming"))) {
            problems.add("link and layerStreaming belong to a split pipeline");
        }
        if (!problems.isEmpty()) {
            throw new EstimateException(origin + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems)
                    + "; the schema is on PipelineFile (and in the README's 'Pipeline files')");
        }
        if (!split) {
            return new PipelineSpec.Colocated(colocated);
        }
        return new PipelineSpec.Split(prefill, decode, link, streaming != null && streaming.asBoolean());
    }

    private static PoolSpec pool(JsonNode node, String key, List<String> problems) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(key + ": must be a mapping with keys " + POOL);
            return null;
        }
        unknownKeys(node, POOL, key + ".", problems);
        String hardware = text(node.get("hardware"), key + ".hardware", problems);
        if (hardware == null) {
            problems.add(key + ".hardware: required, an accelerator id");
        }
        OptionalInt chips = count(node.get("chips"), key + ".chips", true, problems);
        OptionalInt instances = node.has("instances") ? count(node.get("instances"), key + ".instances", false,
                problems) : OptionalInt.of(1);
        OptionalInt tensor = count(node.get("tp"), key + ".tp", true, problems);
        OptionalInt pipeline = count(node.get("pp"), key + ".pp", true, problems);
        String precision = text(node.get("precision"), key + ".precision", problems);
        OptionalInt maxBatch = node.has("maxBatch") ? count(node.get("maxBatch"), key + ".maxBatch", false, problems)
                : OptionalInt.empty();
        OptionalInt chunkTokens = node.has("chunkTokens")
                ? count(node.get("chunkTokens"), key + ".chunkTokens", false, problems) : OptionalInt.empty();
        if (hardware == null || chips == null || instances == null || instances.isEmpty() || tensor == null
                || pipeline == null || maxBatch == null || chunkTokens == null) {
            return null;
        }
        return new PoolSpec(hardware, chips, instances.getAsInt(), tensor, pipeline, precision, maxBatch,
                chunkTokens);
    }

    /**
     * A positive count; absent or {@code auto} (when allowed) is empty, the estimator's choice; null after a
     * problem.
     */
    private static OptionalInt count(JsonNode node, String path, boolean autoAllowed, List<String> problems) {
        if (node == null || (autoAllowed && node.isTextual() && node.asText().toLowerCase(Locale.ROOT).equals("auto"))) {
            return OptionalInt.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1) {
            return OptionalInt.of(node.asInt());
        }
        problems.add(path + ": must be a positive whole number" + (autoAllowed ? " or auto" : "") + ", got '"
                + node.asText() + "'");
        return null;
    }

    private static String text(JsonNode node, String path, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            problems.add(path + ": must be text");
            return null;
        }
        return node.asText();
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(Suggestions.unknownKey(prefix + name, name, new TreeSet<>(known)));
            }
        }
    }
}
