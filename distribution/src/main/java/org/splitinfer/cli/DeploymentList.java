package org.splitinfer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PipelineFile;
import picocli.CommandLine;

/**
 * A declarative list of deployments for {@code compare}: a YAML list, or a map whose {@code deployments} key holds
 * one, of entries each spelled as {@code splitinfer estimate}'s deployment options or in the pipeline-file schema:
 *
 * <pre>
 * deployments:
 *   - name: gpu+lpu                      # the row's label
 *     description: "H100 prefill, LPU decode"   # optional
 *     args: "--prefill h100-sxm:8 --decode groq-lpu-v1:auto --decode-precision int8"
 *   - name: unified                      # or the deployment in the pipeline-file schema
 *     pipeline: {colocated: {hardware: tt-wormhole-galaxy, chips: 32, precision: bfp8}}
 * </pre>
 *
 * <p>{@code args} is split as a shell splits words (a value with spaces in single or double quotes). The workload
 * ({@code --input}, {@code --output}, {@code --concurrency}) and the model are the comparison's, given to
 * {@code compare} itself, never to one row.
 */
final class DeploymentList {
    private static final String BUILT_IN = "org/splitinfer/cli/compare-deployments.yaml";
    /** Flags of 'estimate' that are the whole comparison's, not a row's. */
    private static final List<String> COMPARISON_FLAGS = List.of("--model", "--input", "--output", "--concurrency",
            "--offline", "--format");

    /**
     * One deployment.
     *
     * @param name     the row's label
     * @param args     its options
     * @param pipeline the parsed pipeline
     * @param software the serving stack named with --software, or null
     * @param fixedInstances whether the deployment gave its instance counts (else compare balances them)
     */
    record Deployment(String name, String args, PipelineSpec pipeline, String software, boolean fixedInstances) {
    }

    private static final Set<String> TOP_KEYS = new TreeSet<>(Set.of("deployments"));
    private static final Set<String> ENTRY_KEYS = new TreeSet<>(Set.of("name", "description", "args", "pipeline",
            "software"));

    private DeploymentList() {
    }

    static List<Deployment> builtIn(UnaryOperator<String> hardwareIds) {
        try (InputStream in = DeploymentList.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            return read(BUILT_IN, InputFiles.read(in, "deployments file '" + BUILT_IN + "'", "deployments file",
                    Limits.MAX_CONFIG_FILE_BYTES, SplitInferException::new), hardwareIds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    static List<Deployment> read(Path file, UnaryOperator<String> hardwareIds) {
        return read(file.toString(), InputFiles.read(file, "deployments file", Limits.MAX_CONFIG_FILE_BYTES,
                SplitInferException::new), hardwareIds);
    }

    /**
     * Reads the file strictly: a non-empty list, bare or under the one key 'deployments', each entry's keys known and
     * not repeated.
     */
    static List<Deployment> read(String origin, String text, UnaryOperator<String> hardwareIds) {
        JsonNode root = StructuredText.yamlTree(origin, text, SplitInferException::new);
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new SplitInferException(origin + " must be a list of {name, args}, or a mapping whose one key,"
                    + " 'deployments', holds one");
        }
        if (root.isObject()) {
            unknownKeys(root, TOP_KEYS, origin, "");
        }
        JsonNode list = root.isArray() ? root : root.get("deployments");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new SplitInferException(origin + ": 'deployments' must be a non-empty list of {name, args} (or"
                    + " {name, pipeline}), got " + kind(list) + "; list at least one deployment");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            JsonNode entry = list.get(index);
            String where = "deployments[" + index + "]";
            if (!entry.isObject()) {
                throw new SplitInferException(origin + ": " + where + " must be a mapping {name, args}, got "
                        + kind(entry));
            }
            unknownKeys(entry, ENTRY_KEYS, origin, where + ".");
            String name = text(entry, "name", origin, where, true);
            text(entry, "description", origin, where, false);
            String args = text(entry, "args", origin, where, false);
            String software = text(entry, "software", origin, where, false);
            JsonNode pipeline = entry.get("pipeline");
            if (pipeline != null && pipeline.isNull()) {
                pipeline = null;
            }
            if ((args == null) == (pipeline == null)) {
                throw new SplitInferException(origin + ": deployment " + Shown.quoted(name) + " needs exactly one of"
                        + " args (estimate options) or pipeline (the pipeline-file schema)");
            }
            if (pipeline != null) {
                // the pipeline-file schema, read by core's own strict reader (the subtree is valid YAML already)
                String yaml;
                try {
                    yaml = StructuredText.yaml().writeValueAsString(pipeline);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a parsed tree always writes", e);
                }
                deployments.add(new Deployment(name, null,
                        PipelineFile.parse(origin + ": deployment " + Shown.quoted(name), yaml), software,
                        givesInstances(pipeline)));
            } else {
                Deployment parsed = parse(name, args, origin, hardwareIds);
                if (software != null && parsed.software() != null) {
                    throw new SplitInferException(origin + ": deployment " + Shown.quoted(name) + " names its serving"
                            + " stack twice, in software and in args' --software; keep one");
                }
                deployments.add(software == null ? parsed : new Deployment(name, args, parsed.pipeline(), software,
                        parsed.fixedInstances()));
            }
        }
        return deployments;
    }

    private static String text(JsonNode entry, String key, String origin, String where, boolean required) {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new SplitInferException(origin + ": " + where + "." + key + " is required (text)");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SplitInferException(origin + ": " + where + "." + key + " must be text, got " + kind(value));
        }
        return value.asText();
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String origin, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new SplitInferException(origin + ": unknown key " + Shown.quoted(prefix + key) + "; "
                        + (prefix.isEmpty() ? "the file has one key, deployments"
                        : "a deployment has name, description, args or pipeline, and software"));
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "an empty list" : "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return Shown.quoted(node.asText());
    }

    static Deployment parse(String name, String args, String origin, UnaryOperator<String> hardwareIds) {
        DeploymentOptions options = new DeploymentOptions();
        CommandLine commandLine = new CommandLine(options);
        commandLine.setCommandName("estimate");
        commandLine.setExpandAtFiles(false);
        commandLine.registerConverter(Path.class, new PathFlags.AnyPath());
        List<String> words = ShellWords.split(args);
        for (String word : words) {
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (COMPARISON_FLAGS.contains(flag)) {
                throw new SplitInferException(origin + ": deployment " + Shown.quoted(name) + " gives " + flag
                        + ", which is the whole comparison's; give it to compare, and only deployment options in args");
            }
        }
        try {
            commandLine.parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new SplitInferException(origin + ": deployment " + Shown.quoted(name) + ": " + BadUsage.problem(e)
                    + "; spell it as the deployment options of 'splitinfer estimate'");
        }
        return new Deployment(name, args, options.pipeline(hardwareIds), options.software, options.instancesGiven());
    }

    private static boolean givesInstances(JsonNode pipeline) {
        for (String pool : new String[] {"prefill", "decode", "colocated"}) {
            if (pipeline.has(pool) && pipeline.get(pool).has("instances")) {
                return true;
            }
        }
        return false;
    }
}
