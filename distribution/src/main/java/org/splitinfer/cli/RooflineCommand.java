package org.splitinfer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;

import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.report.RooflineChart;
import org.splitinfer.core.report.RooflineSvg;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code splitinfer roofline}: a chip's ridge points and, with a model, where each kernel of a step sits.
 *
 * <p>A ridge point is {@code peak(precision) ÷ bandwidth(tier)}: a kernel whose arithmetic intensity (FLOPs per
 * byte moved) is below it is memory-bound. A kernel's attained throughput is {@code totalFlops ÷
 * roofline.kernelSeconds}, with its operands where the family's full-speed placement puts them. A kernel is called
 * memory-bound when its intensity is below the ridge of its precision over its effective bandwidth: the harmonic
 * mix of the tiers its bytes come from, weighted by those bytes.
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
            description = "An accelerator id (see 'splitinfer hardware').")
    private String hardwareId;

    @Mixin
    private StepOptions step;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the roofline plot to FILE as SVG.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}); csv lists the kernels when --model is"
                    + " given, else the ridge points.")
    private OutputFormat format;

    @Inject
    RooflineCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    /** One kernel placed on the roofline. */
    record KernelPoint(Kernel kernel, double seconds, double flopsPerByte, double attainedFlopsPerSecond,
                       double ridgeFlopsPerByte, String bound) {
    }

    /** One ridge point. */
    record Ridge(Precision precision, double peakFlopsPerSecond, MemoryTier tier) {
        double flopsPerByte() {
            return peakFlopsPerSecond / tier.bytesPerSecond();
        }
    }

    @Override
    public void run() {
        CommandLine commandLine = spec.commandLine();
        Step stepPlan = null;
        if (step.model != null) {
            StepBatch batch = step.batch(commandLine);
            ModelSpec model = models.resolve(step.model);
            ParallelLayout layout = step.layout(commandLine, model);
            ModelPrecision precision = step.precision(model);
            stepPlan = new Step(model, precision, batch, layout);
        } else if (step.phase != null || step.precision != null || step.tokens != null) {
            throw new CommandLine.ParameterException(commandLine, "--phase, --tokens and --precision describe a"
                    + " step of a model: give --model too");
        }
        Accelerator accelerator = hardware.load(root.pluginDirectories(), commandLine.getErr()).get(hardwareId);
        List<Ridge> ridges = ridges(accelerator);
        List<KernelPoint> points = stepPlan == null ? List.of() : points(accelerator, stepPlan);
        if (out != null) {
            write(out, RooflineSvg.render(chart(accelerator, stepPlan, points)));
        }
        PrintWriter printer = commandLine.getOut();
        if (format == OutputFormat.JSON) {
            Json.print(json(accelerator, stepPlan, ridges, points), printer);
            return;
        }
        TextTable ridgeTable = new TextTable("precision", "peakFlopsPerSecond", "tier", "bytesPerSecond",
                "ridgeFlopsPerByte");
        for (Ridge ridge : ridges) {
            ridgeTable.row(ridge.precision().name(), Numbers.significant(ridge.peakFlopsPerSecond()),
                    ridge.tier().name(), Numbers.significant(ridge.tier().bytesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", ridge.flopsPerByte()));
        }
        TextTable kernelTable = new TextTable("kernel", "kind", "precision", "flopsPerByte", "seconds",
                "attainedFlopsPerSecond", "ridgeFlopsPerByte", "bound");
        for (KernelPoint point : points) {
            kernelTable.row(point.kernel().name(), point.kernel().kind().name(), point.kernel().precision().name(),
                    String.format(Locale.ROOT, "%.3f", point.flopsPerByte()), Numbers.significant(point.seconds()),
                    Numbers.significant(point.attainedFlopsPerSecond()),
                    String.format(Locale.ROOT, "%.2f", point.ridgeFlopsPerByte()), point.bound());
        }
        if (format == OutputFormat.CSV) {
            (stepPlan == null ? ridgeTable : kernelTable).print(format, printer);
            return;
        }
        printer.println(accelerator.id() + " (" + accelerator.spec().status().name().toLowerCase(Locale.ROOT) + ", "
                + accelerator.spec().assumptions().size() + " assumed figures)");
        printer.println();
        ridgeTable.print(format, printer);
        if (stepPlan != null) {
            printer.println();
            Residency residency = residency(accelerator, stepPlan);
            printer.println(stepPlan.title(accelerator) + "; operands where the full-speed placement puts them:"
                    + " weights in " + residency.weightsTier() + ", KV cache in " + residency.kvCacheTier()
                    + ", activations in " + residency.activationsTier());
            printer.println();
            kernelTable.print(format, printer);
        }
        if (out != null) {
            printer.println();
            printer.println("wrote " + out);
        }
        printer.flush();
    }

    /** A model's step as the options describe it. */
    record Step(ModelSpec model, ModelPrecision precision, StepBatch batch, ParallelLayout layout) {
        StepWork work() {
            return new KernelPlanner(model, precision).plan(batch, layout);
        }

        String title(Accelerator accelerator) {
            return accelerator.id() + ": " + model.id() + " " + batch.phase().name().toLowerCase(Locale.ROOT)
                    + " (batch " + batch.sequences() + ", new tokens " + batch.newTokens() + ", context "
                    + batch.priorContextTokens() / batch.sequences() + ", tensor " + layout.tensor() + " × pipeline "
                    + layout.pipeline() + ")";
        }
    }

    static List<Ridge> ridges(Accelerator accelerator) {
        Roofline roofline = accelerator.roofline();
        List<Ridge> ridges = new ArrayList<>();
        for (Precision precision : roofline.computePrecisions()) {
            double peak = roofline.peakFlopsPerSecond(precision);
            for (MemoryTier tier : accelerator.memory().tiers()) {
                ridges.add(new Ridge(precision, peak, tier));
            }
        }
        return ridges;
    }

    /**
     * The residency of the family's full-speed placement for the step: weights and the batch's KV cache
     * ({@code sequences × (context + new tokens)} tokens) over the layout's chips.
     */
    static Residency residency(Accelerator accelerator, Step step) {
        Footprint footprint = new Footprint(step.model().weightBytes(step.precision()),
                step.model().kvBytesPerToken(step.precision().kvCache()),
                step.batch().priorContextTokens() + step.batch().newTokens(), 0);
        return accelerator.memory().place(footprint, step.layout().chips()).residency();
    }

    static List<KernelPoint> points(Accelerator accelerator, Step step) {
        Residency residency = residency(accelerator, step);
        Roofline roofline = accelerator.roofline();
        List<KernelPoint> points = new ArrayList<>();
        for (Kernel kernel : step.work().kernels()) {
            double seconds = roofline.kernelSeconds(kernel, residency);
            double intensity = StepJson.intensity(kernel);
            double attained = seconds == 0 ? 0 : kernel.totalFlops() / seconds;
            double ridge = roofline.peakFlopsPerSecond(kernel.precision())
                    / effectiveBytesPerSecond(accelerator, kernel, residency);
            String bound = kernel.totalFlops() == 0 ? "memory (no FLOPs)" : intensity < ridge ? "memory" : "compute";
            points.add(new KernelPoint(kernel, seconds, intensity, attained, ridge, bound));
        }
        return points;
    }

    /** Bytes ÷ Σ (bytes of a class ÷ bandwidth of its tier): the bandwidth a kernel's byte mix sees. */
    private static double effectiveBytesPerSecond(Accelerator accelerator, Kernel kernel, Residency residency) {
        OperandBytes moved = kernel.bytesMoved();
        double seconds = 0;
        for (OperandClass operand : OperandClass.values()) {
            seconds += moved.of(operand) / accelerator.memory().tier(residency.tierOf(operand)).bytesPerSecond();
        }
        if (seconds == 0) {
            return accelerator.memory().tier(residency.weightsTier()).bytesPerSecond();
        }
        return moved.total() / seconds;
    }

    static RooflineChart chart(Accelerator accelerator, Step step, List<KernelPoint> points) {
        List<RooflineChart.Ceiling> ceilings = new ArrayList<>();
        for (Precision precision : accelerator.roofline().computePrecisions()) {
            ceilings.add(new RooflineChart.Ceiling(precision.name(),
                    accelerator.roofline().peakFlopsPerSecond(precision)));
        }
        List<RooflineChart.Slope> slopes = new ArrayList<>();
        for (MemoryTier tier : accelerator.memory().tiers()) {
            slopes.add(new RooflineChart.Slope(tier.name(), tier.bytesPerSecond()));
        }
        List<RooflineChart.Point> dots = new ArrayList<>();
        for (KernelPoint point : points) {
            // A log-log plot has no place for a kernel without FLOPs or bytes (the embedding lookup).
            if (point.flopsPerByte() > 0 && point.attainedFlopsPerSecond() > 0) {
                dots.add(new RooflineChart.Point(point.kernel().name(), point.flopsPerByte(),
                        point.attainedFlopsPerSecond()));
            }
        }
        String title = step == null ? accelerator.id() + " roofline" : step.title(accelerator);
        if (accelerator.spec().status() != org.splitinfer.spi.Status.SHIPPING) {
            title += " [" + accelerator.spec().status().name().toLowerCase(Locale.ROOT) + "]";
        }
        return new RooflineChart(title, ceilings, slopes, dots);
    }

    private static void write(Path file, String svg) {
        try {
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new SplitInferException("cannot write the roofline SVG to '" + file + "' (" + reason(e)
                    + "); give --out a path in a writable directory.", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getClass().getSimpleName();
    }

    private static ObjectNode json(Accelerator accelerator, Step step, List<Ridge> ridges, List<KernelPoint> points) {
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
        for (Ridge ridge : ridges) {
            ObjectNode r = ridgeArray.addObject();
            r.put("precision", ridge.precision().name());
            r.put("peakFlopsPerSecond", ridge.peakFlopsPerSecond());
            r.put("tier", ridge.tier().name());
            r.put("bytesPerSecond", ridge.tier().bytesPerSecond());
            r.put("ridgeFlopsPerByte", ridge.flopsPerByte());
        }
        if (step != null) {
            StepWork work = step.work();
            ObjectNode s = node.putObject("step");
            s.put("model", step.model().id());
            s.put("phase", step.batch().phase().name().toLowerCase(Locale.ROOT));
            s.put("sequences", step.batch().sequences());
            s.put("newTokens", step.batch().newTokens());
            s.put("priorContextTokens", step.batch().priorContextTokens());
            s.put("precision", step.precision().toString());
            s.set("layout", StepJson.layout(step.layout()));
            Residency residency = residency(accelerator, step);
            ObjectNode r = s.putObject("residency");
            r.put("weights", residency.weightsTier());
            r.put("kvCache", residency.kvCacheTier());
            r.put("activations", residency.activationsTier());
            s.put("totalFlops", work.totalFlops());
            s.put("totalBytes", work.totalBytes());
            s.put("arithmeticIntensity", work.arithmeticIntensity());
            ArrayNode kernels = s.putArray("kernels");
            for (KernelPoint point : points) {
                ObjectNode k = StepJson.kernel(point.kernel());
                k.put("seconds", point.seconds());
                k.put("attainedFlopsPerSecond", point.attainedFlopsPerSecond());
                k.put("ridgeFlopsPerByte", point.ridgeFlopsPerByte());
                k.put("bound", point.bound());
                kernels.add(k);
            }
        }
        return node;
    }
}
