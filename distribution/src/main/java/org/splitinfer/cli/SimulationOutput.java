package org.splitinfer.cli;

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
        TextTable table = new TextTable("requests", "completed", "rejected", "in_flight", "duration_s", "ttft_p50_s",
                "ttft_p90_s", "ttft_p99_s", "tpot_p50_s", "tpot_p90_s", "tpot_p99_s", "e2e_p50_s", "e2e_p99_s",
                "queue_p50_s", "queue_p99_s", "slo_attainment", "goodput_rps", "output_tokens_per_s",
                "tokens_per_joule", "usd_per_million_tokens", "chips", "bottleneck");
        table.row(result.requests(), result.completed(), result.rejectedTotal(), result.inFlight(),
                Numbers.significant(result.durationSeconds()), Numbers.significant(result.ttftSeconds().p50()),
                Numbers.significant(result.ttftSeconds().p90()), Numbers.significant(result.ttftSeconds().p99()),
                Numbers.significant(result.tpotSeconds().p50()), Numbers.significant(result.tpotSeconds().p90()),
                Numbers.significant(result.tpotSeconds().p99()), Numbers.significant(result.e2eSeconds().p50()),
                Numbers.significant(result.e2eSeconds().p99()), Numbers.significant(result.queueSeconds().p50()),
                Numbers.significant(result.queueSeconds().p99()), Numbers.significant(result.sloAttainment()),
                Numbers.significant(result.goodputRequestsPerSecond()),
                Numbers.significant(result.outputTokensPerSecond()), Numbers.significant(result.tokensPerJoule()),
                Numbers.significant(result.usdPerMillionTokens()), result.chips(),
                result.bottleneck().name().toLowerCase(Locale.ROOT));
        return table;
    }

    static void printText(SimulationResult result, PrintWriter out) {
        out.println("model " + result.model() + ", " + result.pipeline().name().toLowerCase(Locale.ROOT)
                + " pipeline, " + result.chips() + " chips; workload " + result.workload() + ", seed "
                + result.seed());
        out.println(result.requests() + " requests: " + result.completed() + " completed, " + result.rejectedTotal()
                + " rejected, " + result.inFlight() + " in flight at the end; "
                + EstimateOutput.seconds(result.durationSeconds()) + " simulated");
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
        latency.print(OutputFormat.TABLE, out);
        out.println();
        TextTable metrics = new TextTable("metric", "value");
        metrics.row("SLO", "TTFT <= " + EstimateOutput.seconds(result.slo().ttftSeconds()) + ", TPOT <= "
                + EstimateOutput.seconds(result.slo().tpotSeconds()));
        metrics.row("SLO attainment", EstimateOutput.percent(result.sloAttainment()));
        metrics.row("goodput", EstimateOutput.number(result.goodputRequestsPerSecond()) + " requests/s");
        metrics.row("output tokens/s", EstimateOutput.number(result.outputTokensPerSecond()));
        metrics.row("tokens/J", EstimateOutput.number(result.tokensPerJoule()));
        metrics.row("$/Mtok", EstimateOutput.number(result.usdPerMillionTokens()));
        metrics.row("bottleneck", result.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        metrics.print(OutputFormat.TABLE, out);
        out.println();
        TextTable pools = new TextTable("pool", "hardware", "chips", "layout", "precision", "busy", "mean batch",
                "KV cache", "W/chip", "$/chip-h");
        for (PoolUsage pool : result.pools()) {
            pools.row(Sentences.role(pool.role()), pool.hardware() + (pool.status() == Status.SHIPPING ? ""
                            : " (" + Sentences.status(pool.status()) + ")"),
                    pool.chipsPerInstance() + " x " + pool.instances(), "tp" + pool.layout().tensor() + " pp"
                            + pool.layout().pipeline(), Sentences.formats(pool.precision()),
                    EstimateOutput.percent(pool.busyFraction()),
                    pool.meanBatch() == 0 ? "-" : EstimateOutput.number(pool.meanBatch()),
                    pool.meanBatch() == 0 && pool.kvOccupancy() == 0 ? "-" : EstimateOutput.percent(pool.kvOccupancy()),
                    EstimateOutput.number(pool.wallWattsPerChip()), EstimateOutput.number(pool.usdPerChipHour()));
        }
        pools.print(OutputFormat.TABLE, out);
        result.link().ifPresent(link -> {
            out.println();
            out.println("KV links: " + link.pairs() + " x " + link.link() + " ("
                    + EstimateOutput.number(link.bytesPerSecond() / 1e9) + " GB/s each), " + link.transfers()
                    + " transfers, busiest " + EstimateOutput.percent(link.maxUtilisation()) + ", mean "
                    + EstimateOutput.percent(link.meanUtilisation()));
        });
        out.println();
        out.println("assumptions:");
        for (Assumption assumption : result.assumptions()) {
            out.println("  - " + Sentences.assumption(assumption));
        }
        out.flush();
    }

    private static String p(double seconds) {
        return EstimateOutput.seconds(seconds);
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
