package org.splitinfer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;

import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer kernels}: the kernels and collectives of one phase step on one chip. */
@Command(name = "kernels", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decompose one phase step of a model into the kernels one chip of the heaviest pipeline stage"
                + " runs (FLOPs, bytes by operand class, arithmetic intensity) and the collectives its layout needs.",
                "Prefill: B sequences of N new tokens after C tokens of context. Decode: B sequences of one new token"
                        + " at context C (--tokens 1 or left out)."})
final class KernelsCommand implements Runnable {
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Mixin
    private StepOptions step;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}); csv lists the kernels only.")
    private OutputFormat format;

    @Inject
    KernelsCommand(InstalledModels models) {
        this.models = models;
    }

    @Override
    public void run() {
        CommandLine commandLine = spec.commandLine();
        if (step.model == null) {
            throw new ParameterException(commandLine, "--model is required: a catalog id (see 'splitinfer models')"
                    + " or a path to a Hugging Face config.json");
        }
        StepBatch batch = step.batch(commandLine);
        ModelSpec model = models.resolve(step.model);
        step.requireContextWindow(commandLine, model);
        ParallelLayout layout = step.layout(commandLine, model);
        ModelPrecision precision = step.precision(model);
        StepWork work = new KernelPlanner(model, precision).plan(batch, layout);
        PrintWriter out = commandLine.getOut();
        if (format == OutputFormat.JSON) {
            Json.print(json(model, precision, batch, work), out);
            return;
        }
        if (format == OutputFormat.CSV) {
            TextTable kernels = new TextTable("kernel", "kind", "count", "precision", "flops", "weight_bytes",
                    "kv_cache_bytes", "activation_bytes", "flops_per_byte");
            for (Kernel kernel : work.kernels()) {
                OperandBytes moved = kernel.bytesMoved().times(kernel.count());
                kernels.row(kernel.name(), kernel.kind().name(), kernel.count(), kernel.precision().name(),
                        Numbers.plain(kernel.totalFlops()), Numbers.plain(moved.weights()),
                        Numbers.plain(moved.kvCache()), Numbers.plain(moved.activations()),
                        Numbers.plain(StepJson.intensity(kernel)));
            }
            kernels.printCsv(out);
            return;
        }
        int columns = root.columns();
        // a format column only where the kernels' formats differ; the line above the table names them
        boolean mixed = work.kernels().stream().map(Kernel::precision).distinct().count() > 1;
        TextTable kernels = mixed ? new TextTable("kernel", "kind", "count", "format", "FLOPs", "weights",
                "KV cache", "activations", "FLOP/B")
                : new TextTable("kernel", "kind", "count", "FLOPs", "weights", "KV cache", "activations", "FLOP/B");
        for (Kernel kernel : work.kernels()) {
            OperandBytes moved = kernel.bytesMoved().times(kernel.count());
            List<Object> cells = new ArrayList<>(List.of(kernel.name(), kernel.kind().name(), kernel.count()));
            if (mixed) {
                cells.add(kernel.precision().name());
            }
            cells.addAll(List.of(Units.flops(kernel.totalFlops()), Units.bytes(moved.weights()),
                    Units.bytes(moved.kvCache()), Units.bytes(moved.activations()),
                    String.format(Locale.ROOT, "%.3f", StepJson.intensity(kernel))));
            kernels.row(cells.toArray());
        }
        Text.print(out, "", model.id() + " " + batch + " at " + precision + ", layout tensor " + layout.tensor()
                + " × pipeline " + layout.pipeline() + " × expert " + layout.expert() + " (stage " + work.stage()
                + ": " + work.layersPerChip() + " layers)", columns);
        out.println();
        kernels.printAligned(out, columns);
        OperandBytes read = work.bytesRead();
        OperandBytes written = work.bytesWritten();
        out.println();
        TextTable totals = new TextTable("total", "value");
        totals.row("FLOPs", Units.flops(work.totalFlops()));
        totals.row("bytes", Units.bytes(work.totalBytes()));
        totals.row("weights", Units.bytes(read.weights() + written.weights()));
        totals.row("KV cache", Units.bytes(read.kvCache() + written.kvCache()));
        totals.row("activations", Units.bytes(read.activations() + written.activations()));
        totals.row("FLOP/B", String.format(Locale.ROOT, "%.3f", work.arithmeticIntensity()));
        totals.row("KV cache per token", Units.bytes(model.kvBytesPerToken(precision.kvCache())));
        totals.printAligned(out, columns);
        if (!work.collectives().isEmpty()) {
            out.println();
            TextTable collectives = new TextTable("collective", "kind", "bytes", "participants", "count");
            for (Collective collective : work.collectives()) {
                collectives.row(collective.name(), collective.kind().name(), Units.bytes(collective.bytes()),
                        collective.participants(), collective.count());
            }
            collectives.printAligned(out, columns);
        }
    }

    private static ObjectNode json(ModelSpec model, ModelPrecision precision, StepBatch batch, StepWork work) {
        ObjectNode node = Json.object();
        node.put("model", model.id());
        node.put("phase", work.phase().name().toLowerCase(Locale.ROOT));
        node.put("sequences", batch.sequences());
        node.put("newTokens", batch.newTokens());
        node.put("priorContextTokens", batch.priorContextTokens());
        node.put("precision", precision.toString());
        node.set("layout", StepJson.layout(work.layout()));
        node.put("stage", work.stage());
        node.put("layers", work.layersPerChip());
        ArrayNode kernels = node.putArray("kernels");
        for (Kernel kernel : work.kernels()) {
            kernels.add(StepJson.kernel(kernel));
        }
        node.set("collectives", StepJson.collectives(work));
        node.put("totalFlops", work.totalFlops());
        node.put("totalBytes", work.totalBytes());
        node.set("bytesRead", StepJson.bytes(work.bytesRead()));
        node.set("bytesWritten", StepJson.bytes(work.bytesWritten()));
        node.put("kvBytesPerToken", model.kvBytesPerToken(precision.kvCache()));
        node.put("arithmeticIntensity", work.arithmeticIntensity());
        return node;
    }
}
