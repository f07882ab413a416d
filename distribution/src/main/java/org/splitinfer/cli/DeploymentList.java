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
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PipelineFile;
import picocli.CommandLine;

/**
 * A declarative list of deployments, each spelled as {@code splitinfer estimate} options:
 *
 * <pre>
 * deployments:
 *   - name: gpu+lpu                      # the row's label
 *     description: "H100 prefill, LPU decode"   # optional
 *     args: "--prefill h100-sxm:8 --decode groq-lpu-v1:auto --decode-precision int8"
 *   - name: unified                      # or the deployment in the pipeline-file schema
 *     pipeline: {colocated: {hardware: tt-wormhole-galaxy, chips: 32, precision: bfp8}}
 * </pre>
 */
final class DeploymentList {
    private static final String BUILT_IN = "org/splitinfer/cli/compare-deployments.yaml";

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

    private record File(@JsonProperty(required = true) List<Entry> deployments) {
    }

    private record Entry(@JsonProperty(required = true) String name, String description, String args,
                         JsonNode pipeline, String software) {
    }

    private DeploymentList() {
    }

    static List<Deployment> builtIn() {
        try (InputStream in = DeploymentList.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    static List<Deployment> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new SplitInferException("deployments file '" + file + "' does not exist; check --deployments");
        } catch (IOException e) {
            throw new SplitInferException("cannot read deployments file '" + file + "': " + e.getMessage());
        }
    }

    private static List<Deployment> read(InputStream in, String origin) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file;
        try {
            file = yaml.readValue(in, File.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SplitInferException(origin + ": unknown key '" + e.getPropertyName() + "' at line "
                    + e.getLocation().getLineNr() + "; a deployment has name, description, args or pipeline, and"
                    + " software");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SplitInferException(origin + " is not a valid deployments file at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage()
                    + "; it needs a 'deployments' list of {name, args}");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (Entry entry : file.deployments()) {
            if ((entry.args() == null) == (entry.pipeline() == null)) {
                throw new SplitInferException(origin + ": deployment '" + entry.name() + "' needs exactly one of args"
                        + " (estimate options) or pipeline (the pipeline-file schema)");
            }
            if (entry.pipeline() != null) {
                // the pipeline-file schema, read by core's own strict reader (the subtree is valid YAML already)
                deployments.add(new Deployment(entry.name(), null,
                        PipelineFile.parse(origin + ": deployment '" + entry.name() + "'",
                                yaml.writeValueAsString(entry.pipeline())), entry.software(),
                        givesInstances(entry.pipeline())));
            } else {
                deployments.add(parse(entry.name(), entry.args(), origin));
            }
        }
        return deployments;
    }

    static Deployment parse(String name, String args, String origin) {
        DeploymentOptions options = new DeploymentOptions();
        try {
            new CommandLine(options).parseArgs(args.trim().split("\\s+"));
        } catch (CommandLine.ParameterException e) {
            throw new SplitInferException(origin + ": deployment '" + name + "': " + e.getMessage()
                    + "; spell it as the options of 'splitinfer estimate'");
        }
        return new Deployment(name, args, options.pipeline(), options.software, options.instancesGiven());
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
