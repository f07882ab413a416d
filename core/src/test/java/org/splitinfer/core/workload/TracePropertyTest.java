package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
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

    @TempDir
    Path folder;

    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        Path trace = folder.resolve("trace.csv");
        Generator<byte[]> mutants = Generator.oneOf(Mutations.of(CSV, Mutations.Syntax.LINES),
                Mutations.of(AZURE, Mutations.Syntax.LINES), Mutations.of(JSON_LINES, Mutations.Syntax.LINES));
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, random -> new Mutant(mutants.next(random), random.nextBoolean()), mutant -> {
            try {
                Files.write(trace, mutant.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tally.count(ReaderOutcomes.requireTypedOrSound(() -> replay(Workloads.trace(trace, mutant.skipBadRows())),
                    WorkloadException.class));
        });
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    /** A trace's bytes, and whether its bad rows are skipped rather than refused. */
    private record Mutant(byte[] file, boolean skipBadRows) {
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

    private static Generator<byte[]> mutants() {
        return Generator.oneOf(Mutations.of(CSV, Mutations.Syntax.LINES), Mutations.of(AZURE, Mutations.Syntax.LINES),
                Mutations.of(JSON_LINES, Mutations.Syntax.LINES));
    }
}
