package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.workload.WorkloadSpec;
import org.splitinfer.core.workload.Workloads;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The traffic of a simulation: which workload, at what rate, for how long, with which seed. */
final class TrafficOptions {
    /** Requests a simulation runs when neither --requests nor --duration is given. */
    static final long DEFAULT_REQUESTS = 10_000;

    @Option(names = "--workload", paramLabel = "NAME|FILE", defaultValue = "chat",
            description = "chat or code (the Azure LLM inference traces 2023), batch (an offline backlog of long"
                    + " jobs), or a trace file: Azure CSV, or CSV/JSONL of arrivalSeconds,inputTokens,outputTokens"
                    + " (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--skip-bad-rows", description = "Skip a trace file's bad rows (counted) instead of refusing the"
            + " file.")
    boolean skipBadRows;

    @Option(names = "--rate", paramLabel = "R", converter = NumericFlags.Rate.class,
            description = "Mean requests per second, above 0 and at most 1,000,000; a trace keeps its bursts, scaled"
                    + " (default: the trace's own timing).")
    Double rate;

    @Option(names = "--requests", paramLabel = "N", converter = NumericFlags.Requests.class,
            description = "Requests to simulate, 1 to 1,000,000,000; the run ends when all have finished (default:"
                    + " 10000).")
    Long requests;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = NumericFlags.Seconds.class,
            description = "Simulated seconds instead of a request count, above 0 and at most 1e9; what is still in"
                    + " flight then is counted.")
    Double duration;

    @Option(names = "--allow-long-context",
            description = "Serve requests whose prompt and answer exceed the model's context window (a stack that"
                    + " extends it, or a what-if); without it they are turned away and counted as rejected.")
    boolean allowLongContext;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", converter = NumericFlags.Seed.class,
            description = "Seed of every random stream: the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * @param name        a built-in name, or a trace file (a name with a dot or a slash)
     * @param skipBadRows whether a trace's bad rows are skipped
     * @return the workload
     * @throws SplitInferException when a file is named that cannot be read, or --skip-bad-rows is given for a
     *                             built-in workload, which has no bad rows to skip
     */
    static WorkloadSpec named(String name, boolean skipBadRows) {
        if (Workloads.names().contains(name.toLowerCase(Locale.ROOT))) {
            if (skipBadRows) {
                throw new SplitInferException("--skip-bad-rows applies to a trace file, and --workload " + name
                        + " is built in; drop --skip-bad-rows");
            }
            return Workloads.builtIn(name.toLowerCase(Locale.ROOT));
        }
        if (name.contains("/") || name.contains(".")) {
            Path file;
            try {
                file = PathFlags.path(name);
            } catch (TypeConversionException e) {
                throw new SplitInferException("--workload " + e.getMessage());
            }
            String problem = PathFlags.unreadable(file);
            if (problem != null) {
                throw new SplitInferException("--workload names a trace file '" + name + "', which " + problem
                        + "; give chat, code, batch or a trace file");
            }
            return Workloads.trace(file, skipBadRows);
        }
        return Workloads.builtIn(name);
    }

    WorkloadSpec workload() {
        WorkloadSpec spec = named(workload, skipBadRows);
        return rate == null ? spec : spec.atRate(rate);
    }

    RunLimit limit() {
        if (requests != null && duration != null) {
            throw new SplitInferException("give either --requests N or --duration SECONDS, not both");
        }
        if (duration != null) {
            return RunLimit.duration(duration);
        }
        long count = requests == null ? DEFAULT_REQUESTS : requests;
        if (rate != null) {
            NumericFlags.checkSpan(count, rate);
        }
        return RunLimit.requests(count);
    }
}
