package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
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

    static void printText(Estimate estimate, PrintWriter out, int columns) {
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
        metrics.row("TTFT", Units.seconds(estimate.ttftSeconds()));
        metrics.row("TPOT", Units.seconds(estimate.tpotSeconds()));
        metrics.row("KV transfer", Units.seconds(estimate.kvTransferSeconds()));
        metrics.row("output tokens/s", Units.number(estimate.outputTokensPerSecond()));
        metrics.row("tokens/s per user", Units.number(estimate.outputTokensPerSecondPerUser()));
        for (Assumption assumption : estimate.assumptions()) {
            if (assumption instanceof Assumption.SpeculativeDecodingApplied speculative) {
                metrics.row("tokens per step", Units.number(speculative.tokensPerStep()) + " (speculative)");
            }
        }
        metrics.row("tokens/s per chip", Units.number(estimate.tokensPerSecondPerChip()));
        metrics.row("tokens/J", Units.number(estimate.tokensPerJoule()));
        metrics.row("$/Mtok", Units.number(estimate.usdPerMillionTokens()));
        metrics.row("wall power", Units.number(estimate.wallWatts()) + " W");
        metrics.printAligned(out, columns);
        out.println();
        Text.print(out, "figures rest on: ", String.join("; ", Sentences.chipStatuses(estimate.chipStatuses())),
                columns);
        out.println("assumptions:");
        for (Assumption assumption : estimate.assumptions()) {
            Text.print(out, "  - ", Sentences.assumption(assumption), columns);
        }
        out.flush();
    }
}
