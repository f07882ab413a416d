package org.splitinfer.cli;

import java.util.List;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.sim.LinkUsage;
import org.splitinfer.core.sim.Percentiles;
import org.splitinfer.core.sim.PoolUsage;
import org.splitinfer.core.sim.Rejections;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.TimeSample;
import org.splitinfer.spi.Status;

/** Renders a simulation: JSON with stable keys, a table with human units, the time series as CSV. */
final class SimulationOutput {
    private SimulationOutput() {
    }

    static ObjectNode json(SimulationResult result) {
        ObjectNode node = Json.object();
        node.put("model", result.model());
        node.put("pipeline", result.pipeline().name().toLowerCase(Locale.ROOT));
        node.put("workload", result.workload());
        node.put("seed", result.seed());
        ObjectNode slo = node.putObject("slo");
        slo.put("ttftSeconds", result.slo().ttftSeconds());
        slo.put("tpotSeconds", result.slo().tpotSeconds());
        node.put("requests", result.requests());
        node.put("completed", result.completed());
        node.put("rejected", result.rejectedTotal());
        ObjectNode reasons = node.putObject("rejectedByReason");
        for (Rejections rejection : result.rejected()) {
            reasons.put(rejection.reason().name().toLowerCase(Locale.ROOT), rejection.requests());
        }
        node.put("inFlight", result.inFlight());
        node.put("durationSeconds", result.durationSeconds());
        node.set("ttftSeconds", percentiles(result.ttftSeconds()));
        node.set("tpotSeconds", percentiles(result.tpotSeconds()));
        node.set("e2eSeconds", percentiles(result.e2eSeconds()));
        node.set("queueSeconds", percentiles(result.queueSeconds()));
        node.put("sloAttainment", result.sloAttainment());
        node.put("goodputRequestsPerSecond", result.goodputRequestsPerSecond());
        node.put("outputTokensPerSecond", result.outputTokensPerSecond());
        node.put("tokensPerJoule", result.tokensPerJoule());
        node.put("usdPerMillionTokens", result.usdPerMillionTokens());
        node.put("chips", result.chips());
        ObjectNode utilization = node.putObject("utilization");
        for (PoolUsage pool : result.pools()) {
            utilization.put(Sentences.role(pool.role()), pool.busyFraction());
        }
        PoolUsage decoding = result.pools().get(result.pools().size() - 1);
        utilization.put("kvCache", decoding.kvOccupancy());
        utilization.put("decodeBatch", decoding.batchShare());
        result.link().ifPresent(link -> utilization.put("kvLink", link.maxUtilisation()));
        node.put("bottleneck", result.bottleneck().name().toLowerCase(Locale.ROOT));
        ArrayNode pools = node.putArray("pools");
        for (PoolUsage pool : result.pools()) {
            ObjectNode p = pools.addObject();
            p.put("role", Sentences.role(pool.role()));
            p.put("hardware", pool.hardware());
            p.put("status", Sentences.status(pool.status()));
            p.put("assumedFigures", pool.assumedFigures());
            p.put("instances", pool.instances());
            p.put("chipsPerInstance", pool.chipsPerInstance());
            p.put("tensorParallel", pool.layout().tensor());
            p.put("pipelineParallel", pool.layout().pipeline());
            p.put("precision", Sentences.formats(pool.precision()));
            p.put("busyFraction", pool.busyFraction());
            p.put("meanBatch", pool.meanBatch());
            p.put("batchShare", pool.batchShare());
            p.put("kvOccupancy", pool.kvOccupancy());
            p.put("utilisation", pool.utilisation());
            p.put("wallWattsPerChip", pool.wallWattsPerChip());
            p.put("usdPerChipHour", pool.usdPerChipHour());
        }
        if (result.link().isPresent()) {
            LinkUsage link = result.link().get();
            ObjectNode l = node.putObject("kvLink");
            l.put("link", link.link());
            l.put("pairs", link.pairs());
            l.put("bytesPerSecond", link.bytesPerSecond());
            l.put("transfers", link.transfers());
            l.put("bytes", link.bytes());
            l.put("meanUtilisation", link.meanUtilisation());
            l.put("maxUtilisation", link.maxUtilisation());
        }
        node.put("events", result.events());
        ArrayNode assumptions = node.putArray("assumptions");
        for (Assumption assumption : result.assumptions()) {
            ObjectNode a = assumptions.addObject();
            a.put("kind", Sentences.kind(assumption));
            a.put("text", Sentences.assumption(assumption));
            a.setAll(Json.tree(assumption));
        }
        return node;
    }

    private static ObjectNode percentiles(Percentiles percentiles) {
        ObjectNode node = Json.object();
        node.put("count", percentiles.count());
        node.put("p50", percentiles.p50());
        node.put("p90", percentiles.p90());
        node.put("p99", percentiles.p99());
        node.put("mean", percentiles.mean());
        node.put("max", percentiles.max());
        return node;
    }

    /** One row of headline figures, for CSV. */
    static TextTable summary(SimulationResult result) {
        TextTable table = new TextTable("requests", "completed", "rejected", "in_flight", "duration_seconds",
                "ttft_p50_seconds", "ttft_p90_seconds", "ttft_p99_seconds", "tpot_p50_seconds", "tpot_p90_seconds",
                "tpot_p99_seconds", "e2e_p50_seconds", "e2e_p99_seconds", "queue_p50_seconds", "queue_p99_seconds",
                "slo_attainment", "goodput_requests_per_second", "output_tokens_per_second", "tokens_per_joule",
                "usd_per_million_tokens", "chips", "bottleneck");
        table.row(result.requests(), result.completed(), result.rejectedTotal(), result.inFlight(),
                Numbers.plain(result.durationSeconds()), Numbers.plain(result.ttftSeconds().p50()),
                Numbers.plain(result.ttftSeconds().p90()), Numbers.plain(result.ttftSeconds().p99()),
                Numbers.plain(result.tpotSeconds().p50()), Numbers.plain(result.tpotSeconds().p90()),
                Numbers.plain(result.tpotSeconds().p99()), Numbers.plain(result.e2eSeconds().p50()),
                Numbers.plain(result.e2eSeconds().p99()), Numbers.plain(result.queueSeconds().p50()),
                Numbers.plain(result.queueSeconds().p99()), Numbers.plain(result.sloAttainment()),
                Numbers.plain(result.goodputRequestsPerSecond()), Numbers.plain(result.outputTokensPerSecond()),
                Numbers.plain(result.tokensPerJoule()), Numbers.plain(result.usdPerMillionTokens()), result.chips(),
                result.bottleneck().name().toLowerCase(Locale.ROOT));
        return table;
    }

    /** Why requests were turned away: " (3 past the model's context window)", or nothing when none was. */
    private static String reasons(SimulationResult result) {
        List<String> parts = new ArrayList<>();
        for (Rejections rejection : result.rejected()) {
            parts.add(rejection.requests() + " " + switch (rejection.reason()) {
                case KV_CACHE_TOO_SMALL -> "needing more KV cache than an instance holds";
                case CONTEXT_WINDOW_EXCEEDED -> "past the model's context window (--allow-long-context serves them)";
            });
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    static void printText(SimulationResult result, PrintWriter out, int columns) {
        Text.print(out, "", "model " + result.model() + ", " + result.pipeline().name().toLowerCase(Locale.ROOT)
                + " pipeline, " + result.chips() + " chips; workload " + result.workload() + ", seed "
                + result.seed(), columns);
        Text.print(out, "", result.requests() + " requests: " + result.completed() + " completed, "
                + result.rejectedTotal() + " rejected" + reasons(result) + ", " + result.inFlight()
                + " in flight at the end; " + Units.seconds(result.durationSeconds()) + " simulated", columns);
        out.println();
        TextTable latency = new TextTable("latency", "p50", "p90", "p99", "mean");
        latency.row("TTFT", p(result.ttftSeconds().p50()), p(result.ttftSeconds().p90()),
                p(result.ttftSeconds().p99()), p(result.ttftSeconds().mean()));
        latency.row("TPOT", p(result.tpotSeconds().p50()), p(result.tpotSeconds().p90()),
                p(result.tpotSeconds().p99()), p(result.tpotSeconds().mean()));
        latency.row("end to end", p(result.e2eSeconds().p50()), p(result.e2eSeconds().p90()),
                p(result.e2eSeconds().p99()), p(result.e2eSeconds().mean()));
        latency.row("queueing", p(result.queueSeconds().p50()), p(result.queueSeconds().p90()),
                p(result.queueSeconds().p99()), p(result.queueSeconds().mean()));
        latency.printAligned(out, columns);
        out.println();
        TextTable metrics = new TextTable("metric", "value");
        metrics.row("SLO", "TTFT <= " + Units.seconds(result.slo().ttftSeconds()) + ", TPOT <= "
                + Units.seconds(result.slo().tpotSeconds()));
        metrics.row("SLO attainment", Units.percent(result.sloAttainment()));
        metrics.row("goodput", Units.number(result.goodputRequestsPerSecond()) + " requests/s");
        metrics.row("output tokens/s", Units.number(result.outputTokensPerSecond()));
        metrics.row("tokens/J", Units.number(result.tokensPerJoule()));
        metrics.row("$/Mtok", Units.number(result.usdPerMillionTokens()));
        metrics.row("bottleneck", result.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        metrics.printAligned(out, columns);
        out.println();
        TextTable pools = new TextTable("pool", "hardware", "chips", "layout", "precision", "busy", "mean batch",
                "KV cache", "W/chip", "$/chip-h");
        for (PoolUsage pool : result.pools()) {
            pools.row(Sentences.role(pool.role()), pool.hardware() + (pool.status() == Status.SHIPPING ? ""
                            : " (" + Sentences.status(pool.status()) + ")"),
                    pool.chipsPerInstance() + " x " + pool.instances(), "tp" + pool.layout().tensor() + " pp"
                            + pool.layout().pipeline(), Sentences.formats(pool.precision()),
                    Units.percent(pool.busyFraction()),
                    pool.meanBatch() == 0 ? "-" : Units.number(pool.meanBatch()),
                    pool.meanBatch() == 0 && pool.kvOccupancy() == 0 ? "-" : Units.percent(pool.kvOccupancy()),
                    Units.number(pool.wallWattsPerChip()), Units.number(pool.usdPerChipHour()));
        }
        pools.printAligned(out, columns);
        result.link().ifPresent(link -> {
            out.println();
            Text.print(out, "", "KV links: " + link.pairs() + " x " + link.link() + " ("
                    + Units.bytesPerSecond(link.bytesPerSecond()) + " each), " + link.transfers()
                    + " transfers, busiest " + Units.percent(link.maxUtilisation()) + ", mean "
                    + Units.percent(link.meanUtilisation()), columns);
        });
        out.println();
        out.println("assumptions:");
        for (Assumption assumption : result.assumptions()) {
            Text.print(out, "  - ", Sentences.assumption(assumption), columns);
        }
        out.flush();
    }

    private static String p(double seconds) {
        return Units.seconds(seconds);
    }

    /** The time series: one row per sample, plain numbers, units in the column names. */
    static String timeSeriesCsv(SimulationResult result) {
        StringBuilder csv = new StringBuilder("time_seconds,queued_prompts,waiting_for_kv_cache,running_sequences,"
                + "in_system,kv_occupancy,prefill_busy,decode_busy,completed\n");
        for (TimeSample sample : result.timeSeries()) {
            csv.append(String.format(Locale.ROOT, "%.6f,%d,%d,%d,%d,%.6f,%.6f,%.6f,%d%n", sample.timeSeconds(),
                    sample.queuedPrompts(), sample.waitingForKvCache(), sample.runningSequences(), sample.inSystem(),
                    sample.kvOccupancy(), sample.prefillBusy(), sample.decodeBusy(), sample.completed()));
        }
        return csv.toString();
    }
}
