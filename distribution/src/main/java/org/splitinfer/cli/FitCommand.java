package org.splitinfer.cli;

import org.splitinfer.core.hardware.HardwareRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;

import org.splitinfer.core.fit.AlternativeFit;
import org.splitinfer.core.fit.DecodeTiming;
import org.splitinfer.core.fit.FitReport;
import org.splitinfer.core.fit.FitRequest;
import org.splitinfer.core.fit.ModelFitter;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.TierUsage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer fit}: the fewest chips that hold a model, where its bytes live, and what alternatives cost. */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Find the fewest chips whose full-speed memory (after the chip's usable fraction) holds a"
                + " model's weights plus the KV cache of one sequence of --context tokens; show the placement (bytes"
                + " per tier per chip), the KV tokens left, and the family's alternative placements with their"
                + " batch-1 decode step time against the full-speed one.",
                "Default formats: the model's native ones when the chip computes them, else bf16, else fp16, else"
                        + " the chip's highest-peak format of 8 bits or more. Activations are counted as 0 bytes."})
final class FitCommand implements Runnable {
    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--model", paramLabel = "MODEL", required = true,
            description = "A catalog id (see 'splitinfer models') or a path to a Hugging Face config.json.")
    private String model;

    @Option(names = "--hardware", paramLabel = "ID", required = true,
            description = "An accelerator id or its unique beginning (see 'splitinfer hardware').")
    private String hardwareId;

    @Option(names = "--precision", paramLabel = "FORMATS",
            description = "One format (fp8) or pairs (weights=fp4,activations=fp8,kv=fp8, and a tensor group's"
                    + " weights such as dense_mlp=bfp4); keys left out keep the model's native formats. Default:"
                    + " see above.")
    private String precision;

    @Option(names = "--context", paramLabel = "C", converter = NumericFlags.ContextTokens.class,
            description = "Tokens of the one sequence whose KV cache must fit, at most the model's context window"
                    + " (default: 4096, or the window when it is shorter).")
    private Long context;

    @Option(names = "--allow-long-context",
            description = "Let --context exceed the model's context window (a stack that extends it, or a what-if).")
    private boolean allowLongContext;

    @Option(names = "--chips", paramLabel = "N|auto", converter = NumericFlags.CountOrAuto.class,
            description = "Evaluate N chips (1 to 1,048,576) instead of the fewest that fit (auto, the default):"
                    + " whether it fits, and the alternatives there (most families offer them only where full speed"
                    + " does not fit).")
    private OptionalInt chips;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}); csv lists one row per placement and tier.")
    private OutputFormat format;

    @Mixin
    private WhatIfOptions whatIf;

    @Inject
    FitCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    @Override
    public void run() {
        ModelSpec spec = models.resolve(model);
        long tokens = context != null ? context
                : Math.min(FitRequest.DEFAULT_CONTEXT_TOKENS, spec.contextWindowTokens());
        FitRequest request = new FitRequest(null, tokens, 0, allowLongContext);
        if (chips != null && chips.isPresent()) {
            request = request.withChips(chips.getAsInt());
        }
        if (precision != null) {
            request = request.withPrecision(ModelPrecision.parse(precision, spec.nativePrecision()));
        }
        HardwareRegistry registry = hardware.load(root.pluginDirectories(), whatIf.changes(),
                this.spec.commandLine().getErr());
        FitReport report = ModelFitter.fit(registry.resolve(hardwareId), spec, request);
        PrintWriter out = this.spec.commandLine().getOut();
        switch (format) {
            case JSON -> {
                ObjectNode json = json(report);
                if (!UserFigures.sentences(registry).isEmpty()) {
                    UserFigures.json(registry, json.putArray("userSetFigures"));
                }
                Json.print(json, out);
            }
            case CSV -> csv(report).printCsv(out);
            default -> {
                UserFigures.print(registry, out, root.columns());
                table(report, out, root.columns());
            }
        }
    }

    static ObjectNode json(FitReport report) {
        ObjectNode node = Json.object();
        node.put("model", report.modelId());
        node.put("hardware", report.acceleratorId());
        node.put("status", report.status().name());
        ArrayNode assumptions = node.putArray("assumptions");
        for (Figure figure : report.assumptions()) {
            ObjectNode f = assumptions.addObject();
            f.put("name", figure.name());
            f.put("value", figure.value());
            f.put("assumption", figure.assumption());
        }
        node.put("precision", report.precision().toString());
        node.put("precisionChoice", Sentences.formatChoice(report.precisionChoice(), report.acceleratorId()));
        node.put("contextTokens", report.contextTokens());
        Footprint footprint = report.footprint();
        ObjectNode foot = node.putObject("footprint");
        foot.put("weightBytes", footprint.weightBytes());
        foot.put("kvBytesPerToken", footprint.kvBytesPerToken());
        foot.put("kvTokens", footprint.kvTokens());
        foot.put("kvCacheBytes", footprint.kvCacheBytes());
        foot.put("activationBytes", footprint.activationBytes());
        foot.put("totalBytes", footprint.totalBytes());
        if (report.minChips().isPresent()) {
            node.put("minChips", report.minChips().getAsInt());
        } else {
            node.putNull("minChips");
        }
        node.put("chips", report.chips());
        node.put("fitsFullSpeed", report.fitsFullSpeed());
        node.set("layout", StepJson.layout(report.layout()));
        node.put("placementNote", report.placement().note());
        node.set("placement", tiers(report.placement()));
        node.set("kvTokensCapacity", capacity(report.placement()));
        seconds(node, "fullSpeedDecodeStepSeconds", report.fullSpeedDecode());
        ArrayNode alternatives = node.putArray("alternatives");
        for (AlternativeFit alternative : report.alternatives()) {
            Placement placement = alternative.placement();
            ObjectNode a = alternatives.addObject();
            a.put("name", placement.name());
            a.put("note", placement.note());
            a.set("placement", tiers(placement));
            a.put("fits", alternative.holdsFootprint());
            a.put("fitsFullSpeed", placement.fitsFullSpeed());
            a.set("kvTokensCapacity", capacity(placement));
            seconds(a, "decodeStepSeconds", alternative.decode());
            seconds(a, "fullSpeedDecodeStepSeconds", report.fullSpeedDecode());
            OptionalDouble slowdown = report.slowdown(alternative);
            if (slowdown.isPresent()) {
                a.put("slowdown", slowdown.getAsDouble());
            } else {
                a.putNull("slowdown");
            }
            a.put("decodeStepIsUpperBound", alternative.upperBound());
        }
        ArrayNode notes = node.putArray("notes");
        report.notes().forEach(notes::add);
        return node;
    }

    private static ObjectNode tiers(Placement placement) {
        ObjectNode node = Json.object();
        for (TierUsage usage : placement.perChip()) {
            ObjectNode tier = node.putObject(usage.tier());
            tier.put("weightBytes", usage.weightBytes());
            tier.put("kvCacheBytes", usage.kvCacheBytes());
            tier.put("activationBytes", usage.activationBytes());
            tier.put("totalBytes", usage.totalBytes());
        }
        return node;
    }

    private static ObjectNode capacity(Placement placement) {
        ObjectNode node = Json.object();
        node.put("perChip", placement.kvTokensCapacityPerChip());
        node.put("total", placement.kvTokensCapacityTotal());
        return node;
    }

    private static void seconds(ObjectNode node, String key, DecodeTiming timing) {
        if (timing.seconds().isPresent()) {
            node.put(key, timing.seconds().getAsDouble());
        } else {
            node.putNull(key);
            node.put(key.replace("Seconds", "Note"), timing.note());
        }
    }

    private static TextTable csv(FitReport report) {
        TextTable table = new TextTable("placement", "chips", "fits_full_speed", "tier", "weight_bytes",
                "kv_cache_bytes", "activation_bytes", "kv_tokens_per_chip", "kv_tokens_total", "decode_step_seconds",
                "min_chips", "status");
        List<Placement> placements = new ArrayList<>();
        List<DecodeTiming> timings = new ArrayList<>();
        placements.add(report.placement());
        timings.add(report.fullSpeedDecode());
        for (AlternativeFit alternative : report.alternatives()) {
            placements.add(alternative.placement());
            timings.add(alternative.decode());
        }
        String minChips = report.minChips().isPresent() ? String.valueOf(report.minChips().getAsInt()) : "";
        for (int i = 0; i < placements.size(); i++) {
            Placement placement = placements.get(i);
            DecodeTiming timing = timings.get(i);
            for (TierUsage usage : placement.perChip()) {
                table.row(placement.name(), placement.chips(), placement.fitsFullSpeed(), usage.tier(),
                        Numbers.plain(usage.weightBytes()), Numbers.plain(usage.kvCacheBytes()),
                        Numbers.plain(usage.activationBytes()), placement.kvTokensCapacityPerChip(),
                        placement.kvTokensCapacityTotal(),
                        timing.seconds().isPresent() ? Numbers.plain(timing.seconds().getAsDouble()) : "",
                        minChips, report.status().name());
            }
        }
        return table;
    }

    private static void table(FitReport report, PrintWriter out, int columns) {
        Footprint footprint = report.footprint();
        TextTable summary = new TextTable("fit", "value");
        summary.row("model", report.modelId());
        summary.row("hardware", report.acceleratorId() + " (" + report.status().name().toLowerCase(Locale.ROOT)
                + ", " + report.assumptions().size() + " assumed figures)");
        summary.row("precision", report.precision() + " ("
                + Sentences.formatChoice(report.precisionChoice(), report.acceleratorId()) + ")");
        summary.row("footprint", Units.bytes(footprint.weightBytes()) + " of weights + "
                + Units.bytes(footprint.kvCacheBytes()) + " of KV cache (" + footprint.kvTokens() + " tokens × "
                + Units.bytes(footprint.kvBytesPerToken()) + ") + 0 B of activations = "
                + Units.bytes(footprint.totalBytes()));
        summary.row("minChips", report.minChips().isPresent() ? String.valueOf(report.minChips().getAsInt())
                : "none up to 1048576");
        summary.row("chips", report.chips() + (report.fitsFullSpeed() ? " (fits full speed)"
                : " (does not fit full speed)"));
        summary.row("kvTokensCapacity", report.placement().kvTokensCapacityPerChip() + " per chip, "
                + report.placement().kvTokensCapacityTotal() + " total");
        summary.row("decodeStep", timing(report.fullSpeedDecode()) + " (batch 1 at context "
                + report.contextTokens() + ", tensor " + report.layout().tensor() + " × pipeline "
                + report.layout().pipeline() + ")");
        summary.printAligned(out, columns);
        out.println();
        TextTable placements = new TextTable("placement", "tier", "weights per chip", "KV cache per chip",
                "activations per chip", "KV tokens per chip", "decode step", "slowdown");
        placementRows(placements, report.placement(), report.fullSpeedDecode(),
                report.fullSpeedDecode().seconds().isPresent() ? "1" : "");
        for (AlternativeFit alternative : report.alternatives()) {
            OptionalDouble slowdown = report.slowdown(alternative);
            placementRows(placements, alternative.placement(), alternative.decode(),
                    slowdown.isPresent() ? String.format(Locale.ROOT, "%.3g%s", slowdown.getAsDouble(),
                            alternative.upperBound() ? " (upper bound)" : "") : "");
        }
        placements.printAligned(out, columns);
        out.println();
        // each placement's note is prose: under the table, so that the figures fit beside the names
        Text.print(out, "  ", report.placement().name() + ": " + report.placement().note(), columns);
        for (AlternativeFit alternative : report.alternatives()) {
            Text.print(out, "  ", alternative.placement().name() + ": " + alternative.placement().note(), columns);
        }
        out.println();
        for (String note : report.notes()) {
            Text.print(out, "note: ", note, columns);
        }
        out.flush();
    }

    private static void placementRows(TextTable table, Placement placement, DecodeTiming timing, String slowdown) {
        boolean first = true;
        for (TierUsage usage : placement.perChip()) {
            table.row(first ? placement.name() : "", usage.tier(), Units.bytes(usage.weightBytes()),
                    Units.bytes(usage.kvCacheBytes()), Units.bytes(usage.activationBytes()),
                    first ? String.valueOf(placement.kvTokensCapacityPerChip()) : "",
                    first ? timing(timing) : "", first ? slowdown : "");
            first = false;
        }
    }

    private static String timing(DecodeTiming timing) {
        return timing.seconds().isPresent() ? Units.seconds(timing.seconds().getAsDouble())
                : "n/a: " + timing.note();
    }
}
