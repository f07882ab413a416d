package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.workload.WorkloadSpec;
import org.splitinfer.core.workload.Workloads;
import picocli.CommandLine.Option;

/** The traffic of a simulation: which workload, at what rate, for how long, with which seed. */
final class TrafficOptions {
    @Option(names = "--workload", paramLabel = "NAME|FILE", defaultValue = "chat",
            description = "chat or code (the Azure LLM inference traces 2023), batch (an offline backlog of long"
                    + " jobs), or a trace file: Azure CSV, or CSV/JSONL of arrivalSeconds,inputTokens,outputTokens"
                    + " (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--skip-bad-rows", description = "Skip a trace's bad rows (counted) instead of refusing the file.")
    boolean skipBadRows;

    @Option(names = "--rate", paramLabel = "R",
            description = "Mean requests per second; a trace keeps its bursts, scaled (default: the trace's own"
                    + " timing).")
    Double rate;

    @Option(names = "--requests", paramLabel = "N",
            description = "Requests to simulate; the run ends when all have finished (default: 10000).")
    Long requests;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Simulated seconds instead of a request count; what is still in flight then is counted.")
    Double duration;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of every random stream: the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * @param name        a built-in name, or a trace file (a name with a dot or a slash)
     * @param skipBadRows whether a trace's bad rows are skipped
     * @return the workload
     */
    static WorkloadSpec named(String name, boolean skipBadRows) {
        if (Workloads.names().contains(name.toLowerCase(Locale.ROOT))) {
            return Workloads.builtIn(name.toLowerCase(Locale.ROOT));
        }
        if (name.contains("/") || name.contains(".")) {
            return Workloads.trace(Path.of(name), skipBadRows);
        }
        return Workloads.builtIn(name);
    }

    WorkloadSpec workload() {
        WorkloadSpec spec = named(workload, skipBadRows);
        if (rate != null) {
            if (!(rate > 0) || rate.isInfinite()) {
                throw new SplitInferException("--rate must be a positive number of requests per second, got " + rate);
            }
            spec = spec.atRate(rate);
        }
        return spec;
    }

    RunLimit limit() {
        if (requests != null && duration != null) {
            throw new SplitInferException("give either --requests N or --duration SECONDS, not both");
        }
        if (duration != null) {
            if (!(duration > 0) || duration.isInfinite()) {
                throw new SplitInferException("--duration must be a positive number of seconds, got " + duration);
            }
            return RunLimit.duration(duration);
        }
        long count = requests == null ? 10_000 : requests;
        if (count < 1) {
            throw new SplitInferException("--requests must be at least 1, got " + count);
        }
        return RunLimit.requests(count);
    }
}
