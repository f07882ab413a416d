package org.splitinfer.cli;

import java.util.OptionalInt;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.Workload;
import picocli.CommandLine.Option;

/** The requests a deployment serves: {@code --input}, {@code --output}, {@code --concurrency N|offline}. */
final class WorkloadOptions {
    @Option(names = "--input", paramLabel = "TOKENS", defaultValue = "2000", converter = NumericFlags.Tokens.class,
            description = "Prompt tokens per request, 1 to 10,000,000 (default: ${DEFAULT-VALUE}).")
    long input;

    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "300", converter = NumericFlags.Tokens.class,
            description = "Output tokens per request, 1 to 10,000,000 (default: ${DEFAULT-VALUE}).")
    long output;

    @Option(names = "--concurrency", paramLabel = "N|offline", converter = NumericFlags.Concurrency.class,
            description = "Requests in flight in the whole system, 1 to 1,000,000, or offline: an unlimited backlog,"
                    + " batched as large as memory allows (default: 1; compare: 32).")
    OptionalInt concurrency;

    @Option(names = "--offline", description = "The same as --concurrency offline.")
    boolean offline;

    Workload workload(int defaultConcurrency) {
        if (offline && concurrency != null) {
            throw new SplitInferException("give either --concurrency or --offline, not both");
        }
        if (offline || concurrency != null && concurrency.isEmpty()) {
            return Workload.offline(input, output);
        }
        return Workload.closedLoop(input, output, concurrency != null ? concurrency.getAsInt() : defaultConcurrency);
    }
}
