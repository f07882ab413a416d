package org.splitinfer.cli;

import org.splitinfer.core.hardware.HardwareRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;

import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.report.KernelBound;
import org.splitinfer.core.report.KernelPoint;
import org.splitinfer.core.report.RidgePoint;
import org.splitinfer.core.report.RooflineAnalysis;
import org.splitinfer.core.report.RooflineStep;
import org.splitinfer.core.report.RooflineSvg;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code splitinfer roofline}: a chip's ridge points and, with a model, where each kernel of a step sits — computed by
 * {@link RooflineAnalysis}, rendered here as tables, JSON and the SVG plot.
 */
@Command(name = "roofline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show a chip's ridge points (peak ÷ bandwidth, FLOP/byte) for each compute format and memory"
                + " tier; with --model and a step, place each kernel at its arithmetic intensity and attained"
                + " throughput (FLOPs ÷ the plugin's kernel time) and say whether it is memory- or compute-bound.",
                "--out FILE also writes the roofline plot as SVG."})
final class RooflineCommand implements Runnable {
    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--hardware", paramLabel = "ID", required = true,
            description = "An accelerator id or its unique beginning (see 'splitinfer hardware').")
    private String hardwareId;

    @Mixin
    private StepOptions step;

    @Option(names = "--out", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Write the roofline plot to FILE as SVG.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}); csv lists the kernels when --model is"
                    + " given, else the ridge points.")
    private OutputFormat format;

    @Mixin
    private WhatIfOptions whatIf;

    @Inject
    RooflineCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    @Override
    public void run() {
        CommandLine commandLine = spec.commandLine();
        RooflineStep stepPlan = null;
        if (step.model != null) {
            StepBatch batch = step.batch(commandLine);
            ModelSpec model = models.resolve(step.model);
            step.requireContextWindow(commandLine, model);
            ParallelLayout layout = step.layout(commandLine, model);
            ModelPrecision precision = step.precision(model);
            stepPlan = new RooflineStep(model, precision, batch, layout);
        } else {
            List<String> stepFlags = new ArrayList<>();
            for (String flag : List.of("--phase", "--batch", "--tokens", "--context", "--tp", "--pp", "--ep",
                    "--precision")) {
                if (commandLine.getParseResult().hasMatchedOption(flag)) {
                    stepFlags.add(flag);
                }
            }
            if (!stepFlags.isEmpty()) {
                throw new CommandLine.ParameterException(commandLine, String.join(", ", stepFlags) + " describe a"
                        + " step of a model: give --model too, or drop them for the chip's ridge points alone");
            }
        }
        HardwareRegistry registry = hardware.load(root.pluginDirectories(), whatIf.changes(), commandLine.getErr());
        Accelerator accelerator = registry.resolve(hardwareId);
        RooflineAnalysis analysis = RooflineAnalysis.of(accelerator, stepPlan);
        if (out != null) {
            AtomicFile.write(out, RooflineSvg.render(analysis.chart()), "--out");
        }
        PrintWriter printer = commandLine.getOut();
        if (format == OutputFormat.JSON) {
            ObjectNode json = json(analysis);
            if (!UserFigures.sentences(registry).isEmpty()) {
                UserFigures.json(registry, json.putArray("userSetFigures"));
            }
            Json.print(json, printer);
            return;
        }
        if (format == OutputFormat.CSV) {
            csv(analysis, stepPlan != null).printCsv(printer);
            return;
        }
        int columns = root.columns();
        UserFigures.print(registry, printer, columns);
        TextTable ridgeTable = new TextTable("precision", "peak", "tier", "bandwidth", "ridge FLOP/B");
        for (RidgePoint ridge : analysis.ridges()) {
            ridgeTable.row(ridge.precision().name(), Units.flopsPerSecond(ridge.peakFlopsPerSecond()),
                    ridge.tier().name(), Units.bytesPerSecond(ridge.tier().bytesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", ridge.flopsPerByte()));
        }
        TextTable kernelTable = new TextTable("kernel", "kind", "precision", "FLOP/B", "time", "attained",
                "ridge FLOP/B", "bound");
        for (KernelPoint point : analysis.kernels()) {
            kernelTable.row(point.kernel().name(), point.kernel().kind().name(), point.kernel().precision().name(),
                    String.format(Locale.ROOT, "%.3f", point.flopsPerByte()), Units.seconds(point.seconds()),
                    Units.flopsPerSecond(point.attainedFlopsPerSecond()),
                    String.format(Locale.ROOT, "%.2f", point.ridgeFlopsPerByte()), bound(point.bound()));
        }
        printer.println(accelerator.id() + " (" + accelerator.spec().status().name().toLowerCase(Locale.ROOT) + ", "
                + accelerator.spec().assumptions().size() + " assumed figures)");
        printer.println();
        ridgeTable.printAligned(printer, columns);
        if (stepPlan != null) {
            printer.println();
            Residency residency = analysis.residency().orElseThrow();
            Text.print(printer, "", analysis.title(stepPlan) + "; operands where the full-speed placement puts"
                    + " them: weights in " + residency.weightsTier() + ", KV cache in " + residency.kvCacheTier()
                    + ", activations in " + residency.activationsTier(), columns);
            printer.println();
            kernelTable.printAligned(printer, columns);
        }
        if (out != null) {
            printer.println();
            printer.println("wrote " + out);
        }
        printer.flush();
    }

    /** The kernels when a step was given, else the ridge points: plain numbers, units in the column names. */
    private static TextTable csv(RooflineAnalysis analysis, boolean kernels) {
        if (kernels) {
            TextTable table = new TextTable("kernel", "kind", "precision", "flops_per_byte", "seconds",
                    "attained_flops_per_second", "ridge_flops_per_byte", "bound");
            for (KernelPoint point : analysis.kernels()) {
                table.row(point.kernel().name(), point.kernel().kind().name(), point.kernel().precision().name(),
                        Numbers.plain(point.flopsPerByte()), Numbers.plain(point.seconds()),
                        Numbers.plain(point.attainedFlopsPerSecond()), Numbers.plain(point.ridgeFlopsPerByte()),
                        bound(point.bound()));
            }
            return table;
        }
        TextTable table = new TextTable("precision", "peak_flops_per_second", "tier", "bytes_per_second",
                "ridge_flops_per_byte");
        for (RidgePoint ridge : analysis.ridges()) {
            table.row(ridge.precision().name(), Numbers.plain(ridge.peakFlopsPerSecond()), ridge.tier().name(),
                    Numbers.plain(ridge.tier().bytesPerSecond()), Numbers.plain(ridge.flopsPerByte()));
        }
        return table;
    }

    private static String bound(KernelBound bound) {
        return switch (bound) {
            case MEMORY -> "memory";
            case COMPUTE -> "compute";
            case MEMORY_WITHOUT_FLOPS -> "memory (no FLOPs)";
        };
    }

    private static ObjectNode json(RooflineAnalysis analysis) {
        Accelerator accelerator = analysis.accelerator();
        ObjectNode node = Json.object();
        node.put("hardware", accelerator.id());
        node.put("status", accelerator.spec().status().name());
        ArrayNode assumptions = node.putArray("assumptions");
        for (Figure figure : accelerator.spec().assumptions()) {
            ObjectNode f = assumptions.addObject();
            f.put("name", figure.name());
            f.put("value", figure.value());
            f.put("assumption", figure.assumption());
        }
        ArrayNode ridgeArray = node.putArray("ridgePoints");
        for (RidgePoint ridge : analysis.ridges()) {
            ObjectNode r = ridgeArray.addObject();
            r.put("precision", ridge.precision().name());
            r.put("peakFlopsPerSecond", ridge.peakFlopsPerSecond());
            r.put("tier", ridge.tier().name());
            r.put("bytesPerSecond", ridge.tier().bytesPerSecond());
            r.put("ridgeFlopsPerByte", ridge.flopsPerByte());
        }
        if (analysis.step().isPresent()) {
            RooflineStep step = analysis.step().get();
            StepWork work = step.work(analysis.accelerator().roofline().computePrecisions());
            ObjectNode s = node.putObject("step");
            s.put("model", step.model().id());
            s.put("phase", step.batch().phase().name().toLowerCase(Locale.ROOT));
            s.put("sequences", step.batch().sequences());
            s.put("newTokens", step.batch().newTokens());
            s.put("priorContextTokens", step.batch().priorContextTokens());
            s.put("precision", step.precision().toString());
            s.set("layout", StepJson.layout(step.layout()));
            Residency residency = analysis.residency().orElseThrow();
            ObjectNode r = s.putObject("residency");
            r.put("weights", residency.weightsTier());
            r.put("kvCache", residency.kvCacheTier());
            r.put("activations", residency.activationsTier());
            s.put("totalFlops", work.totalFlops());
            s.put("totalBytes", work.totalBytes());
            s.put("arithmeticIntensity", work.arithmeticIntensity());
            ArrayNode kernels = s.putArray("kernels");
            for (KernelPoint point : analysis.kernels()) {
                ObjectNode k = StepJson.kernel(point.kernel());
                k.put("seconds", point.seconds());
                k.put("attainedFlopsPerSecond", point.attainedFlopsPerSecond());
                k.put("ridgeFlopsPerByte", point.ridgeFlopsPerByte());
                k.put("bound", bound(point.bound()));
                kernels.add(k);
            }
        }
        return node;
    }
}
