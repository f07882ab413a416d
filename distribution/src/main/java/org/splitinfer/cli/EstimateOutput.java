package org.splitinfer.cli;

import org.splitinfer.core.report.BandWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitinfer.core.band.Band;
import org.splitinfer.core.band.BandedFigure;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.spi.Status;

/** Renders estimates: JSON objects with stable keys, and human-readable numbers. */
final class EstimateOutput {
    private EstimateOutput() {
    }

    static ObjectNode json(Estimate estimate) {
        return json(estimate, new FigureBands(Map.of()));
    }

    /** @return the estimate's JSON, with a {@code bands} object: {@code low} and {@code high} by figure key */
    static ObjectNode json(Estimate estimate, FigureBands bands) {
        ObjectNode node = Json.object();
        node.put("model", estimate.model());
        node.put("pipeline", estimate.pipeline().name().toLowerCase(Locale.ROOT));
        node.put("ttftSeconds", estimate.ttftSeconds());
        node.put("tpotSeconds", estimate.tpotSeconds());
        node.put("outputTokensPerSecond", estimate.outputTokensPerSecond());
        node.put("outputTokensPerSecondPerUser", estimate.outputTokensPerSecondPerUser());
        node.put("tokensPerJoule", estimate.tokensPerJoule());
        node.put("usdPerMillionTokens", estimate.usdPerMillionTokens());
        node.put("kvTransferSeconds", estimate.kvTransferSeconds());
        node.put("chips", estimate.chips());
        node.put("tokensPerSecondPerChip", estimate.tokensPerSecondPerChip());
        node.put("wallWatts", estimate.wallWatts());
        node.put("usdPerHour", estimate.usdPerHour());
        node.put("concurrency", estimate.concurrency());
        if (!bands.bands().isEmpty()) {
            node.set("bands", bandsJson(bands));
        }
        ArrayNode phases = node.putArray("phases");
        for (PhaseEstimate phase : estimate.phases()) {
            ObjectNode p = phases.addObject();
            p.put("role", Sentences.role(phase.role()));
            p.put("hardware", phase.hardware());
            p.put("status", Sentences.status(phase.status()));
            p.put("assumedFigures", phase.assumedFigures());
            p.put("chipsPerInstance", phase.chipsPerInstance());
            p.put("instances", phase.instances());
            p.put("tensorParallel", phase.tensor());
            p.put("pipelineParallel", phase.pipeline());
            p.put("precision", Sentences.formats(phase.precision()));
            p.put("batch", phase.batch());
            p.put("maxBatch", phase.maxBatch());
            p.put("stepLatencySeconds", phase.stepLatencySeconds());
            p.put("stepIntervalSeconds", phase.stepIntervalSeconds());
            p.put("busyFraction", phase.busyFraction());
            p.put("utilisation", phase.utilisation());
            p.put("wallWattsPerChip", phase.wallWattsPerChip());
            p.put("usdPerChipHour", phase.usdPerChipHour());
        }
        ArrayNode status = node.putArray("figureStatus");
        for (ChipStatus chip : estimate.chipStatuses()) {
            status.add(Json.tree(chip));
        }
        ArrayNode assumptions = node.putArray("assumptions");
        for (Assumption assumption : estimate.assumptions()) {
            ObjectNode a = assumptions.addObject();
            a.put("kind", Sentences.kind(assumption));
            a.put("text", Sentences.assumption(assumption));
            a.setAll(Json.tree(assumption));
        }
        return node;
    }

    /**
     * @param bands figures' bands
     * @return by figure key: {@code {low, high, basis, cases, coverage}}
     */
    static ObjectNode bandsJson(FigureBands bands) {
        ObjectNode node = Json.object();
        bands.bands().forEach((figure, band) -> {
            ObjectNode b = node.putObject(figure.key());
            b.put("low", band.low());
            b.put("high", band.high());
            b.put("basis", band.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.put("cases", band.cases());
            b.put("coverage", band.coverage());
        });
        return node;
    }

    /** @return a figure as a table cell: with its band when it has one, e.g. {@code 48.5 (39–57)} */
    static String cell(FigureBands bands, BandedFigure figure, double value) {
        Band band = bands.bands().get(figure);
        if (band == null) {
            return figure.growsWithTime() && figure != BandedFigure.USD_PER_MILLION_TOKENS ? Units.seconds(value)
                    : Units.number(value);
        }
        return figure == BandedFigure.TTFT_SECONDS || figure == BandedFigure.TPOT_SECONDS
                ? BandWords.secondsWithBand(value, band) : BandWords.numberWithBand(value, band);
    }

    /**
     * One line on what the bands rest on, e.g. {@code bands: 80% intervals from the leave-one-out errors of the
     * nearest validation cases: TTFT, TPOT ... on 17 cases of the same family}; and, for an announced or projected
     * chip, that they rest on assumptions.
     */
    static void printBandBasis(FigureBands bands, PrintWriter out, int columns) {
        if (bands.bands().isEmpty()) {
            return;
        }
        Map<String, List<String>> byBasis = new LinkedHashMap<>();
        double coverage = 0;
        for (Map.Entry<BandedFigure, Band> entry : bands.bands().entrySet()) {
            Band band = entry.getValue();
            coverage = band.coverage();
            byBasis.computeIfAbsent(band.cases() + " cases, " + band.basis().words(), k -> new ArrayList<>())
                    .add(label(entry.getKey()));
        }
        List<String> parts = new ArrayList<>();
        byBasis.forEach((basis, figures) -> parts.add(String.join(", ", figures) + " from " + basis));
        Text.print(out, "bands: ", BandWords.bandsAre(coverage) + ": " + String.join("; ", parts)
                + (bands.restOnAssumptions() ? "; " + BandWords.BANDS_ON_ASSUMPTIONS : ""), columns);
    }

    private static String label(BandedFigure figure) {
        return switch (figure) {
            case TTFT_SECONDS -> "TTFT";
            case TPOT_SECONDS -> "TPOT";
            case OUTPUT_TOKENS_PER_SECOND -> "output tokens/s";
            case OUTPUT_TOKENS_PER_SECOND_PER_USER -> "tokens/s per user";
            case TOKENS_PER_JOULE -> "tokens/J";
            case USD_PER_MILLION_TOKENS -> "$/Mtok";
        };
    }

    static void printText(Estimate estimate, PrintWriter out, int columns) {
        printText(estimate, new FigureBands(Map.of()), out, columns);
    }

    static void printText(Estimate estimate, FigureBands bands, PrintWriter out, int columns) {
        Text.print(out, "", "model " + estimate.model() + ", " + estimate.pipeline().name().toLowerCase(Locale.ROOT)
                + " pipeline, " + estimate.chips() + " chips, " + estimate.concurrency()
                + (estimate.concurrency() == 1 ? " request" : " requests") + " in flight", columns);
        TextTable phases = new TextTable("phase", "hardware", "chips", "layout", "precision", "batch", "max batch",
                "step", "busy", "W/chip", "$/chip-h");
        for (PhaseEstimate phase : estimate.phases()) {
            phases.row(Sentences.role(phase.role()), phase.hardware() + (phase.status() == Status.SHIPPING ? ""
                            : " (" + Sentences.status(phase.status()) + ")"),
                    phase.chipsPerInstance() + " x " + phase.instances(), "tp" + phase.tensor() + " pp"
                            + phase.pipeline(), Sentences.formats(phase.precision()), phase.batch(),
                    phase.maxBatch(), Units.seconds(phase.stepLatencySeconds()), Units.percent(phase.busyFraction()),
                    Units.number(phase.wallWattsPerChip()), Units.number(phase.usdPerChipHour()));
        }
        phases.printAligned(out, columns);
        out.println();
        TextTable metrics = new TextTable("metric", "value");
        metrics.row("TTFT", cell(bands, BandedFigure.TTFT_SECONDS, estimate.ttftSeconds()));
        metrics.row("TPOT", cell(bands, BandedFigure.TPOT_SECONDS, estimate.tpotSeconds()));
        metrics.row("KV transfer", Units.seconds(estimate.kvTransferSeconds()));
        metrics.row("output tokens/s", cell(bands, BandedFigure.OUTPUT_TOKENS_PER_SECOND,
                estimate.outputTokensPerSecond()));
        metrics.row("tokens/s per user", cell(bands, BandedFigure.OUTPUT_TOKENS_PER_SECOND_PER_USER,
                estimate.outputTokensPerSecondPerUser()));
        for (Assumption assumption : estimate.assumptions()) {
            if (assumption instanceof Assumption.SpeculativeDecodingApplied speculative) {
                metrics.row("tokens per step", Units.number(speculative.tokensPerStep()) + " (speculative)");
            }
        }
        metrics.row("tokens/s per chip", Units.number(estimate.tokensPerSecondPerChip()));
        metrics.row("tokens/J", cell(bands, BandedFigure.TOKENS_PER_JOULE, estimate.tokensPerJoule()));
        metrics.row("$/Mtok", cell(bands, BandedFigure.USD_PER_MILLION_TOKENS, estimate.usdPerMillionTokens()));
        metrics.row("wall power", Units.number(estimate.wallWatts()) + " W");
        metrics.printAligned(out, columns);
        out.println();
        printBandBasis(bands, out, columns);
        Text.print(out, "figures rest on: ", String.join("; ", Sentences.chipStatuses(estimate.chipStatuses())),
                columns);
        out.println("assumptions:");
        for (Assumption assumption : estimate.assumptions()) {
            Text.print(out, "  - ", Sentences.assumption(assumption), columns);
        }
        out.flush();
    }
}
