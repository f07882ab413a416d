package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay past a trace's end, and a trace moved to another rate, on the four-request trace at 0, 1, 3 and 6 s. */
class TraceReplayTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path folder;

    private Path csv() throws IOException {
        return Files.writeString(folder.resolve("trace.csv"), TraceWorkloadTest.CSV);
    }

    @Test
    void eachReplayStartsOneSpanPlusOneMeanGapLater() throws IOException {
        TraceWorkload trace = Workloads.trace(csv());

        // shift = span 6 s + mean gap 6 / 3 = 2 s = 8 s: pass 1 at 8, 9, 11, 14 s; pass 2 at 16, 17, 19, 22 s
        assertThat(Requests.first(trace, 1, 12)).extracting(Requests::arrivalNanos).containsExactly(
                0L, SECOND, 3 * SECOND, 6 * SECOND,
                8 * SECOND, 9 * SECOND, 11 * SECOND, 14 * SECOND,
                16 * SECOND, 17 * SECOND, 19 * SECOND, 22 * SECOND);
        assertThat(Requests.first(trace, 1, 12)).extracting(Requests::inputTokens)
                .containsExactly(100, 200, 300, 400, 100, 200, 300, 400, 100, 200, 300, 400);
    }

    @Test
    void aTraceTooLongToHoldIsStreamedFromItsFileWithTheSameResult() throws IOException {
        Path file = csv();
        TraceWorkload held = Workloads.trace(file);
        // holding at most 2 rows, the 4-row trace is read from the file on every pass
        TraceWorkload streamed = new TraceWorkload("trace.csv", TraceSource.file(file), false, 2);

        assertThat(Requests.first(streamed, 1, 50)).isEqualTo(Requests.first(held, 1, 50));
        assertThat(streamed.stats()).isEqualTo(held.stats());
        assertThat(streamed.summary()).isEqualTo(held.summary());
    }

    @Test
    void atRateScalesTheTracesTimingToTheRateAsked() throws IOException {
        TraceWorkload trace = Workloads.trace(csv());
        TraceWorkload doubled = trace.atRate(1.0);

        // the trace's rate is 3 / 6 s = 0.5 req/s; at 1 req/s every time is multiplied by 0.5 ÷ 1 = 0.5
        assertThat(doubled.meanRequestsPerSecond()).hasValue(1.0);
        assertThat(Requests.first(doubled, 1, 8)).extracting(Requests::arrivalNanos).containsExactly(
                0L, SECOND / 2, 3 * SECOND / 2, 3 * SECOND, 4 * SECOND, 9 * SECOND / 2, 11 * SECOND / 2, 7 * SECOND);
        // the lengths are the trace's
        assertThat(Requests.first(doubled, 1, 4)).extracting(Requests::inputTokens)
                .containsExactly(100, 200, 300, 400);
    }

    @Test
    void atRateOfAStreamedTraceScalesTheSame() throws IOException {
        Path file = csv();
        TraceWorkload streamed = new TraceWorkload("trace.csv", TraceSource.file(file), false, 2);

        assertThat(Requests.first(streamed.atRate(0.25), 1, 20))
                .isEqualTo(Requests.first(Workloads.trace(file).atRate(0.25), 1, 20));
    }

    @Test
    void atRateRefusesARateThatIsNotPositive() throws IOException {
        TraceWorkload trace = Workloads.trace(csv());

        for (double rate : List.of(0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY)) {
            assertThatThrownBy(() -> trace.atRate(rate))
                    .isInstanceOf(WorkloadException.class)
                    .hasMessage("workload.requestsPerSecond must be a positive, finite number of requests per second, "
                            + "got " + rate + "; give a rate above 0");
        }
    }

    @Test
    void aLimitedTraceIsOnePass() throws IOException {
        TraceWorkload trace = Workloads.trace(csv());
        WorkloadSpec once = Workloads.limit(trace, trace.summary().rows());

        assertThat(Requests.first(once, 1, 100)).isEqualTo(TraceWorkloadTest.FOUR_REQUESTS);
    }
}
