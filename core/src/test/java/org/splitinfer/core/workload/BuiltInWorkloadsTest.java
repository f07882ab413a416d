package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The built-in workloads against the figures of the dataset's README (and the README shipped with the traces). */
class BuiltInWorkloadsTest {

    @Test
    void theNamesAreSorted() {
        assertThat(Workloads.names()).containsExactly("batch", "chat", "code");
    }

    @Test
    void chatIsTheAzureConversationTrace() {
        TraceWorkload chat = Workloads.builtInTrace("chat");

        assertThat(chat.summary().rows()).isEqualTo(19_366);
        assertThat(chat.summary().skippedRows()).isZero();
        assertThat(chat.summary().format()).isEqualTo(TraceFormat.AZURE_LLM_INFERENCE);
        // total input 22,361,870 and output 4,088,665 tokens over 19,366 requests: 1,154.697 and 211.126
        assertThat(chat.stats().meanInputTokens()).isEqualTo(22_361_870.0 / 19_366).isCloseTo(1_154.7, within(0.05));
        assertThat(chat.stats().meanOutputTokens()).isEqualTo(4_088_665.0 / 19_366).isCloseTo(211.1, within(0.05));
        assertThat(chat.stats().maxInputTokens()).isEqualTo(14_050);
        assertThat(chat.stats().maxOutputTokens()).isEqualTo(1_000);
        // 18:15:46.6805900 to 19:14:08.4025270 is 3,501.7219370 s; (19,366 − 1) / 3,501.721937 s = 5.5301 req/s
        assertThat(chat.summary().spanNanos()).isEqualTo(3_501_721_937_000L);
        assertThat(chat.meanRequestsPerSecond().getAsDouble()).isCloseTo(5.530, within(0.0005));
    }

    @Test
    void codeIsTheAzureCodingTrace() {
        TraceWorkload code = Workloads.builtInTrace("code");

        assertThat(code.summary().rows()).isEqualTo(8_819);
        // total input 18,059,974 and output 245,896 tokens over 8,819 requests: 2,047.848 and 27.883 (the dataset
        // README's table says 2,047.9, 2,047.848 rounded twice; its totals are exact)
        assertThat(code.stats().meanInputTokens()).isEqualTo(18_059_974.0 / 8_819).isCloseTo(2_047.9, within(0.06));
        assertThat(code.stats().meanOutputTokens()).isEqualTo(245_896.0 / 8_819).isCloseTo(27.9, within(0.05));
        assertThat(code.stats().maxInputTokens()).isEqualTo(7_437);
        assertThat(code.stats().maxOutputTokens()).isEqualTo(1_899);
        // 18:17:03.9799600 to 19:14:19.9280160 is 3,435.9480560 s; 8,818 / 3,435.948056 s = 2.5664 req/s
        assertThat(code.summary().spanNanos()).isEqualTo(3_435_948_056_000L);
        assertThat(code.meanRequestsPerSecond().getAsDouble()).isCloseTo(2.566, within(0.0005));
    }

    @Test
    void aMillionChatRequestsReplayTheTraceShiftedAndNeverGoBack() {
        TraceWorkload chat = Workloads.builtInTrace("chat");
        int rows = 19_366;
        // shift = span 3,501,721,937,000 ns + round(3,501,721,937,000 / 19,365) = + 180,827,366 ns
        long shift = 3_501_902_764_366L;
        assertThat(chat.summary().replayShiftNanos()).isEqualTo(shift);
        long[] firstPass = new long[rows];
        int[] firstInputs = new int[rows];

        try (RequestStream requests = chat.open(7)) {
            long previous = 0;
            for (int i = 0; i < 1_000_000; i++) {
                assertThat(requests.advance()).isTrue();
                long arrival = requests.arrivalNanos();
                if (i < rows) {
                    firstPass[i] = arrival;
                    firstInputs[i] = requests.inputTokens();
                } else if (arrival != (i / rows) * shift + firstPass[i % rows]
                        || requests.inputTokens() != firstInputs[i % rows]) {
                    throw new AssertionError("request " + i + " is not pass " + i / rows + "'s copy of row "
                            + i % rows);
                }
                if (arrival < previous) {
                    throw new AssertionError("request " + i + " arrives at " + arrival + " before " + previous);
                }
                previous = arrival;
            }
            // 1,000,000 = 51 passes of 19,366 (987,666) + 12,334: the last request is row 12,333 of pass 51
            assertThat(previous).isEqualTo(51 * shift + firstPass[12_333]);
        }
    }

    @Test
    void chatAtTwiceItsRateHalvesItsTiming() {
        TraceWorkload chat = Workloads.builtInTrace("chat");
        double rate = 2 * chat.meanRequestsPerSecond().getAsDouble();
        TraceWorkload doubled = chat.atRate(rate);

        try (RequestStream requests = doubled.open(1)) {
            long last = 0;
            for (int i = 0; i < 19_366; i++) {
                requests.advance();
                last = requests.arrivalNanos();
            }
            // one pass: (rows − 1) requests over the last arrival is the rate asked, to rounding of a nanosecond
            assertThat(19_365 / (last / 1e9)).isCloseTo(rate, within(1e-9 * rate));
            requests.advance();
            // the first request of the second pass comes half a shift in
            assertThat(requests.arrivalNanos()).isEqualTo(Math.round(3_501_902_764_366L * 0.5));
        }
    }

    @Test
    void batchIsAnOfflineBacklogOfLongJobs() {
        WorkloadSpec batch = Workloads.builtIn("batch");

        // lognormal means m·e^(σ²/2): 4,096 × e^0.125 = 4,641.38 and 1,024 × e^0.125 = 1,160.34, less what the
        // clamps take off: draws beyond 8 × the median (ln 8 / 0.5 = 4.16 σ, probability 1.6e-5) bring under 0.1
        assertThat(batch.stats().meanInputTokens()).isCloseTo(4_641.38, within(0.1)).isLessThan(4_641.38);
        assertThat(batch.stats().meanOutputTokens()).isCloseTo(1_160.34, within(0.1)).isLessThan(1_160.34);
        assertThat(batch.stats().maxInputTokens()).isEqualTo(32_768);
        assertThat(batch.stats().maxOutputTokens()).isEqualTo(8_192);
        assertThat(batch.meanRequestsPerSecond()).isEmpty();
        assertThat(Requests.first(batch, 3, 1_000)).allSatisfy(request -> {
            assertThat(request.arrivalNanos()).isZero();
            assertThat(request.inputTokens()).isBetween(1, 32_768);
            assertThat(request.outputTokens()).isBetween(1, 8_192);
        });
        // at a rate, the same jobs arrive as a Poisson stream: a backlog to drain at that pace
        WorkloadSpec paced = batch.atRate(5);
        assertThat(paced.meanRequestsPerSecond()).hasValue(5.0);
        assertThat(paced.stats()).isEqualTo(batch.stats());
        assertThat(Requests.first(paced, 3, 1_000)).extracting(request -> request.arrivalNanos()).isSorted()
                .last().satisfies(last -> assertThat(last).isPositive());
    }

    @Test
    void theBuiltInTracesAreWorkloadsByName() {
        assertThat(Workloads.builtIn("chat")).isInstanceOf(TraceWorkload.class);
        assertThat(Workloads.builtIn("code").name()).isEqualTo("code");
    }

    @Test
    void anUnknownNameIsAnsweredWithTheClosestAndTheList() {
        assertThatThrownBy(() -> Workloads.builtIn("caht"))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("unknown workload 'caht' (did you mean 'chat'?); choose one of batch, chat, code")
                .satisfies(e -> assertThat(((WorkloadException) e).fields()).containsExactly("workload"));
        assertThatThrownBy(() -> Workloads.builtIn("interactive"))
                .hasMessage("unknown workload 'interactive'; choose one of batch, chat, code");
        assertThatThrownBy(() -> Workloads.builtInTrace("batch"))
                .hasMessage("unknown built-in trace 'batch'; choose one of chat, code");
    }
}
