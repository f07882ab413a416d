package org.splitinfer.cli;

import org.splitinfer.core.estimate.Workload;
import picocli.CommandLine.Option;

/**
 * The requests a deployment serves: {@code --input}, {@code --output}, {@code --concurrency} or {@code --offline}, and
 * {@code --allow-long-context} to let a request exceed the model's context window.
 */
final class WorkloadOptions {
    @Option(names = "--input", paramLabel = "TOKENS", defaultValue = "2000",
            description = "Prompt tokens per request (default: ${DEFAULT-VALUE}).")
    long input;

    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "300",
            description = "Output tokens per request (default: ${DEFAULT-VALUE}).")
    long output;

    @Option(names = "--concurrency", paramLabel = "N", converter = PositiveInteger.class,
            description = "Requests in flight in the whole system (default: 1; compare: 32).")
    Integer concurrency;

    @Option(names = "--offline", description = "An unlimited backlog, batched as large as memory allows.")
    boolean offline;

    @Option(names = "--allow-long-context",
            description = "Let --input plus --output exceed the model's context window (a serving stack that extends"
                    + " it, or a what-if).")
    boolean allowLongContext;

    Workload workload(int defaultConcurrency) {
        if (offline && concurrency != null) {
            throw new org.splitinfer.core.error.SplitInferException("give either --concurrency N or --offline, not both");
        }
        Workload workload = offline ? Workload.offline(input, output)
                : Workload.closedLoop(input, output, concurrency != null ? concurrency : defaultConcurrency);
        return allowLongContext ? workload.allowingLongContext() : workload;
    }
}
