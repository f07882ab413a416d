package org.splitinfer.core.estimate.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.input.StructuredText;

/** Strict reader of pipeline YAML (schema on {@link org.splitinfer.core.estimate.PipelineFile}). */
public final class PipelineYaml {
    private static final Set<String> TOP = new TreeSet<>(Set.of("prefill", "decode", "colocated", "link",
            "layerStreaming"));
    private static final Set<String> POOL = new TreeSet<>(Set.of("hardware", "chips", "instances", "tp", "pp",
            "precision", "maxBatch", "chunkTokens"));

    private PipelineYaml() {
    }

    /**
     * @param file the file
     * @return the pipeline
     */
    public static PipelineSpec read(Path file) {
        return parse(file.toString(), InputFiles.read(file, "pipeline file", Limits.MAX_CONFIG_FILE_BYTES,
                EstimateException::new));
    }

    /**
     * @param origin name for messages
     * @param text   the YAML
     * @return the pipeline
     */
    public static PipelineSpec parse(String origin, String text) {
        return parse(origin, StructuredText.yamlTree(origin, text, EstimateException::new));
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
            problems.add("layerStreaming: must be true or false, got " + Shown.node(streaming));
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
        try {
            if (!split) {
                return new PipelineSpec.Colocated(colocated);
            }
            return new PipelineSpec.Split(prefill, decode, link, streaming != null && streaming.asBoolean());
        } catch (EstimateException e) {
            // the pools' totals (chips of a pool, of the deployment), checked where the pools meet
            throw new EstimateException(origin + ": " + e.getMessage(), e.fields());
        }
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
        OptionalInt chips = count(node.get("chips"), key + ".chips", true, Limits.MAX_CHIPS, problems);
        OptionalInt instances = node.has("instances") ? count(node.get("instances"), key + ".instances", false,
                Limits.MAX_CHIPS, problems) : OptionalInt.of(1);
        OptionalInt tensor = count(node.get("tp"), key + ".tp", true, Limits.MAX_CHIPS, problems);
        OptionalInt pipeline = count(node.get("pp"), key + ".pp", true, Limits.MAX_CHIPS, problems);
        String precision = text(node.get("precision"), key + ".precision", problems);
        OptionalInt maxBatch = node.has("maxBatch")
                ? count(node.get("maxBatch"), key + ".maxBatch", false, Limits.MAX_SEQUENCES, problems)
                : OptionalInt.empty();
        OptionalInt chunkTokens = node.has("chunkTokens")
                ? count(node.get("chunkTokens"), key + ".chunkTokens", false, Limits.MAX_TOKENS, problems)
                : OptionalInt.empty();
        if (hardware == null || chips == null || instances == null || instances.isEmpty() || tensor == null
                || pipeline == null || maxBatch == null || chunkTokens == null) {
            return null;
        }
        try {
            return new PoolSpec(hardware, chips, instances.getAsInt(), tensor, pipeline, precision, maxBatch,
                    chunkTokens);
        } catch (EstimateException e) {
            // what only the counts together break: chips times instances
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * A count from 1 to {@code max}, read exactly (no fraction, no wrap); absent or {@code auto} (when allowed) is
     * empty, the estimator's choice; null after a problem.
     */
    private static OptionalInt count(JsonNode node, String path, boolean autoAllowed, long max,
                                     List<String> problems) {
        if (node == null || (autoAllowed && node.isTextual() && node.asText().toLowerCase(Locale.ROOT).equals("auto"))) {
            return OptionalInt.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && Limits.within(node.asLong(), 1, max)) {
            return OptionalInt.of(node.asInt());
        }
        problems.add(path + ": must be a whole number from 1 to " + Limits.count(max) + (autoAllowed ? " or auto" : "")
                + ", got " + Shown.node(node));
        return null;
    }

    private static String text(JsonNode node, String path, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            problems.add(path + ": must be text, got " + (node.isValueNode() ? "nothing" : Shown.node(node)));
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
