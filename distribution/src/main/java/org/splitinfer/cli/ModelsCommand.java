package org.splitinfer.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;

import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Precision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer models}: the built-in model catalog. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the built-in models: parameters (total and active per token), layers, KV-cache bytes per"
                + " token at bf16 and fp8 (full-attention growth; sliding-window layers stop growing at their"
                + " window), native formats and source.")
final class ModelsCommand implements Runnable {
    /** The KV formats whose per-token bytes are listed. */
    static final Precision[] KV_FORMATS = {Precision.BF16, Precision.FP8};

    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Inject
    ModelsCommand(InstalledModels models) {
        this.models = models;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            ArrayNode array = Json.array();
            for (ModelSpec model : models.catalog().models()) {
                array.add(json(model));
            }
            Json.print(array, out);
            return;
        }
        if (format == OutputFormat.CSV) {
            TextTable table = new TextTable("id", "name", "parameters", "active_parameters", "layers",
                    "kv_bytes_per_token_bf16", "kv_bytes_per_token_fp8", "sliding_layers", "native_formats", "source");
            for (ModelSpec model : models.catalog().models()) {
                table.row(model.id(), model.name(), model.totalParameters(), model.activeParameters(), model.layers(),
                        Numbers.plain(model.kvBytesPerToken(Precision.BF16)),
                        Numbers.plain(model.kvBytesPerToken(Precision.FP8)), model.slidingLayers(),
                        model.nativePrecision(), model.source());
            }
            table.printCsv(out);
            return;
        }
        // names and sources are prose: listed under the table, so that the figures fit beside the ids
        TextTable table = new TextTable("id", "parameters", "active", "layers", "KV/token bf16", "KV/token fp8",
                "sliding layers", "native formats");
        for (ModelSpec model : models.catalog().models()) {
            table.row(model.id(), Units.count(model.totalParameters()), Units.count(model.activeParameters()),
                    model.layers(), Units.bytes(model.kvBytesPerToken(Precision.BF16)),
                    Units.bytes(model.kvBytesPerToken(Precision.FP8)), model.slidingLayers(), model.nativePrecision());
        }
        int columns = root.columns();
        table.printAligned(out, columns);
        out.println();
        out.println("names and sources:");
        for (ModelSpec model : models.catalog().models()) {
            Text.print(out, "  ", model.id() + ": " + model.name() + ", " + model.source(), columns);
        }
        out.flush();
    }

    private static ObjectNode json(ModelSpec model) {
        ObjectNode node = Json.object();
        node.put("id", model.id());
        node.put("name", model.name());
        node.put("totalParameters", model.totalParameters());
        node.put("activeParameters", model.activeParameters());
        node.put("layers", model.layers());
        node.put("hiddenSize", model.hiddenSize());
        node.put("contextWindowTokens", model.contextWindowTokens());
        node.put("mixtureOfExperts", model.isMixtureOfExperts());
        ObjectNode kv = node.putObject("kvBytesPerToken");
        for (Precision precision : KV_FORMATS) {
            kv.put(precision.name(), model.kvBytesPerToken(precision));
        }
        node.put("slidingWindowLayers", model.slidingLayers());
        if (model.slidingWindow() != null) {
            node.put("slidingWindowTokens", model.slidingWindow().windowTokens());
        }
        node.put("nativePrecision", model.nativePrecision().toString());
        node.put("nativeWeightBytes", model.nativeWeightBytes());
        node.put("source", model.source());
        return node;
    }
}
