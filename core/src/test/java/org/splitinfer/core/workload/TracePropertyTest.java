package org.splitinfer.core.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReaderOutcomes;

/**
 * Generated traces in each format: every mutant of a valid one is read into sound requests (arrivals that never go
 * back, token counts within the limit, replayed past its end) or refused in one line, with bad rows refused and
 * skipped alike.
 */
class TracePropertyTest {
    private static final String CSV = """
            arrivalSeconds,inputTokens,outputTokens
            0,100,10
            0.25,2000,300
            1.5e0,512,64
            2,16777000,216
            7.125,1,1
            """;
    private static final String AZURE = """
            TIMESTAMP,ContextTokens,GeneratedTokens
            2023-11-16 18:17:03.9799600,4808,10
            2023-11-16 18:17:04.0319600,3180,8
            2023-11-16 18:17:04.0781490,110,27
            """;
    private static final String JSON_LINES = """
            {"arrivalSeconds": 0, "inputTokens": 100, "outputTokens": 10}
            {"inputTokens": 2000, "arrivalSeconds": 0.5, "outputTokens": 300}
            {"arrivalSeconds": 3, "inputTokens": 7, "outputTokens": 1}
            """;

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("trace-properties");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        Files.deleteIfExists(folder.resolve("trace.csv"));
        Files.deleteIfExists(folder);
    }

    @Property(tries = 10_000, seed = "14")
    void aMutantIsReadSoundOrRefusedInOneLine(@ForAll("mutants") byte[] file, @ForAll boolean skipBadRows) {
        Path trace = folder.resolve("trace.csv");
        try {
            Files.write(trace, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReaderOutcomes.requireTypedOrSound(() -> replay(Workloads.trace(trace, skipBadRows)),
                WorkloadException.class);
    }

    /** Two passes of the trace: its summary, and what the requests came to, for the outcome check. */
    private static TraceFigures replay(TraceWorkload workload) {
        long requests = 2 * workload.summary().rows();
        long last = 0;
        long tokens = 0;
        try (RequestStream stream = workload.open(7)) {
            for (long i = 0; i < requests && stream.advance(); i++) {
                if (stream.arrivalNanos() < last) {
                    throw new AssertionError("an arrival went back in time: " + stream.arrivalNanos() + " < " + last);
                }
                last = stream.arrivalNanos();
                tokens += stream.inputTokens() + stream.outputTokens();
            }
        }
        return new TraceFigures(workload.summary(), workload.stats(), last, tokens);
    }

    record TraceFigures(TraceSummary summary, WorkloadStats stats, long lastArrivalNanos, long tokens) {
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Arbitraries.oneOf(Mutations.of(CSV, Mutations.Syntax.LINES), Mutations.of(AZURE, Mutations.Syntax.LINES),
                Mutations.of(JSON_LINES, Mutations.Syntax.LINES));
    }
}
