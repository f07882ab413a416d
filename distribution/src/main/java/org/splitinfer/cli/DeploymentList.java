package org.splitinfer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.splitinfer.core.error.SplitInferException;
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

    private record Entry(@JsonProperty(required = true) String name, String description, String args,
                         JsonNode pipeline, String software) {
    }

    private DeploymentList() {
    }

    static List<Deployment> builtIn(UnaryOperator<String> hardwareIds) {
        try (InputStream in = DeploymentList.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            return read(in, BUILT_IN, hardwareIds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    static List<Deployment> read(Path file, UnaryOperator<String> hardwareIds) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), hardwareIds);
        } catch (NoSuchFileException e) {
            throw new SplitInferException("deployments file '" + file + "' does not exist; check --deployments");
        } catch (IOException e) {
            throw new SplitInferException("cannot read deployments file '" + file + "': " + e.getMessage());
        }
    }

    private static List<Deployment> read(InputStream in, String origin, UnaryOperator<String> hardwareIds)
            throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Entry> entries;
        try {
            JsonNode root = yaml.readTree(in);
            JsonNode list = root != null && root.isObject() && root.size() == 1 && root.has("deployments")
                    ? root.get("deployments") : root;
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new SplitInferException(origin + " lists no deployments; it needs a list of {name, args} (or"
                        + " {name, pipeline}), or a 'deployments' key holding one");
            }
            entries = yaml.readerForListOf(Entry.class).readValue(list);
        } catch (UnrecognizedPropertyException e) {
            throw new SplitInferException(origin + ": unknown key '" + e.getPropertyName() + "'; a deployment has"
                    + " name, description, args or pipeline, and software");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SplitInferException(origin + " is not a valid deployments file at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage()
                    + "; it needs a list of {name, args}");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry == null || (entry.args() == null) == (entry.pipeline() == null)) {
                throw new SplitInferException(origin + ": deployment '" + (entry == null ? "" : entry.name())
                        + "' needs exactly one of args (estimate options) or pipeline (the pipeline-file schema)");
            }
            if (entry.pipeline() != null) {
                // the pipeline-file schema, read by core's own strict reader (the subtree is valid YAML already)
                deployments.add(new Deployment(entry.name(), null,
                        PipelineFile.parse(origin + ": deployment '" + entry.name() + "'",
                                yaml.writeValueAsString(entry.pipeline())), entry.software(),
                        givesInstances(entry.pipeline())));
            } else {
                deployments.add(parse(entry.name(), entry.args(), origin, hardwareIds));
            }
        }
        return deployments;
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
                throw new SplitInferException(origin + ": deployment '" + name + "' gives " + flag + ", which is the"
                        + " whole comparison's; give it to compare, and only deployment options in args");
            }
        }
        try {
            commandLine.parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new SplitInferException(origin + ": deployment '" + name + "': " + BadUsage.problem(e)
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
