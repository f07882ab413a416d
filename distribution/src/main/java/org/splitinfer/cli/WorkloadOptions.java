package org.splitinfer.cli;

import java.util.OptionalInt;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.Workload;
import picocli.CommandLine.Option;

/**
 * The requests a deployment serves: {@code --input}, {@code --output}, {@code --concurrency N|offline}, and
 * {@code --allow-long-context} to let a request exceed the model's context window.
 */
final class WorkloadOptions {
    @Option(names = "--input", paramLabel = "TOKENS", defaultValue = "2000", converter = NumericFlags.Tokens.class,
            description = "Prompt tokens per request, 1 to 16,777,216 (default: ${DEFAULT-VALUE}).")
    long input;

    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "300", converter = NumericFlags.Tokens.class,
            description = "Output tokens per request, 1 to 16,777,216 (default: ${DEFAULT-VALUE}).")
    long output;

    @Option(names = "--concurrency", paramLabel = "N|offline", converter = NumericFlags.Concurrency.class,
            description = "Requests in flight in the whole system, 1 to 1,048,576, or offline: an unlimited backlog,"
                    + " batched as large as memory allows (default: 1; compare: 32).")
    OptionalInt concurrency;

    @Option(names = "--offline", description = "The same as --concurrency offline.")
    boolean offline;

    @Option(names = "--allow-long-context",
            description = "Let --input plus --output exceed the model's context window (a serving stack that extends"
                    + " it, or a what-if).")
    boolean allowLongContext;

    Workload workload(int defaultConcurrency) {
        if (offline && concurrency != null) {
            throw new SplitInferException("give either --concurrency or --offline, not both");
        }
        Workload workload = offline || concurrency != null && concurrency.isEmpty() ? Workload.offline(input, output)
                : Workload.closedLoop(input, output, concurrency != null ? concurrency.getAsInt() : defaultConcurrency);
        return allowLongContext ? workload.allowingLongContext() : workload;
    }
}
