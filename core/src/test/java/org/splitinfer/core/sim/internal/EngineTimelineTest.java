package org.splitinfer.core.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.sim.RouterPolicy;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.ServiceLevel;

/** Two requests through fixed step times, every timestamp worked out by hand. */
class EngineTimelineTest {
    private static final long MS = 1_000_000;

    /** arrival, prefill start, prefill done, KV room reserved, first token, finish (ms), per completed request. */
    private record Times(long arrival, long prefillStart, long prefillDone, long reserved, long firstToken,
                         long finish) {
    }

    private static List<Times> run(EngineConfig config, long[] arrivals, int[] inputs, int[] outputs,
                                   EngineOutcome[] outcome) {
        List<Times> times = new ArrayList<>();
        Engine engine = new Engine(config, new ListedRequests(arrivals, inputs, outputs),
                RunLimit.requests(arrivals.length), ServiceLevel.DEFAULT, null);
        engine.observe((arrival, start, done, reserved, first, finish, input, output) -> times.add(new Times(
                arrival / MS, start / MS, done / MS, reserved / MS, first / MS, finish / MS)));
        outcome[0] = engine.run();
        return times;
    }

    @Test
    void aSplitPipelineRunsTwoRequestsAsWorkedOutByHand() {
        // prefill 100 ms a step, decode 10 ms an iteration; 1,000 bytes of KV per token over a 1e9 B/s link:
        // a 1,000-token prompt's cache crosses in 1 ms
        EngineConfig config = new EngineConfig(true,
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8, 8192),
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8, 8192),
                1e9, 0, false, 80, new PerTokenKv(1000), RouterPolicy.ROUND_ROBIN, 0);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 50 * MS}, new int[] {1000, 1000}, new int[] {3, 2}, outcome);

        // r0: prefill 0-100; cache over the link 100-101; decode iterations 101-111 (first token), 111-121, 121-131
        // r1: arrives at 50 while r0 prefills; prefill 100-200; link 200-201; decode 201-211 (first), 211-221
        assertThat(times).containsExactly(new Times(0, 0, 100, 100, 111, 131), new Times(50, 100, 200, 200, 211, 221));
        EngineOutcome o = outcome[0];
        assertThat(o.completed()).isEqualTo(2);
        assertThat(o.outputTokens()).isEqualTo(3 + 2);
        assertThat(o.endNanos()).isEqualTo(221 * MS);
        // two 100 ms prefill steps; five 10 ms decode iterations, each of one sequence
        assertThat(o.prefillBusyNanos()).isEqualTo(200 * MS);
        assertThat(o.decodeBusyNanos()).isEqualTo(50 * MS);
        assertThat(o.batchNanos()).isEqualTo(50.0 * MS);
        assertThat(o.transfers()).isEqualTo(2);
        assertThat(o.linkBytes()).containsExactly(2 * 1000 * 1000.0);
        // TTFT 111 and 161 ms (within HdrHistogram's 0.1%); TPOT 10 ms for both; queueing 0 and 50 ms
        assertThat(o.ttft().max()).isBetween(0.161, 0.161 * 1.001);
        assertThat(o.tpot().p50()).isBetween(0.010, 0.010 * 1.001);
        assertThat(o.queue().max()).isBetween(0.050, 0.050 * 1.001);
    }

    @Test
    void aSpeculativePoolGivesEachSequenceItsExpectedTokensPerIteration() {
        // decode 30 ms an iteration that gives each sequence E = 2.5 tokens (a speculative pool): r0's 6 tokens take
        // ceil(6 / 2.5) = 3 iterations, r1's 5 tokens exactly ceil(5 / 2.5) = 2
        EngineConfig config = new EngineConfig(true,
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8, 8192),
                new EngineConfig.Pool(1, new FixedStepTimes(30 * MS, 100 * MS, 100 * MS, 2.5), 1, 1e12, 8, 8192),
                1e9, 0, false, 80, new PerTokenKv(1000), RouterPolicy.ROUND_ROBIN, 0);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 50 * MS}, new int[] {1000, 1000}, new int[] {6, 5}, outcome);

        // r0: prefill 0-100, link 100-101, iterations 101-131 (first token), 131-161, 161-191
        // r1: prefill 100-200, link 200-201, iterations 201-231 (first token), 231-261
        assertThat(times).containsExactly(new Times(0, 0, 100, 100, 131, 191), new Times(50, 100, 200, 200, 231, 261));
        EngineOutcome o = outcome[0];
        assertThat(o.outputTokens()).isEqualTo(6 + 5);
        assertThat(o.decodeBusyNanos()).isEqualTo(5 * 30 * MS);
        // TPOT: r0 (191 - 131) / 5 = 12 ms, r1 (261 - 231) / 4 = 7.5 ms: the iteration over E, less where the last
        // iteration's tokens fall short of E
        assertThat(o.tpot().max()).isBetween(0.012, 0.012 * 1.001);
        assertThat(o.tpot().p50()).isBetween(0.0075, 0.0075 * 1.001);
    }

    @Test
    void aSpeculativePoolsContextGrowsByItsExpectedTokensPerIteration() {
        // one sequence of a 1,000-token prompt and 6 tokens at E = 2.5: its iterations run at contexts 1,000,
        // 1,002.5 and 1,005, rounded to the nearest token (1,003 for the half)
        List<Long> contexts = new ArrayList<>();
        StepTimes recording = new StepTimes() {
            @Override
            public double tokensPerIteration() {
                return 2.5;
            }

            @Override
            public long decodeNanos(int batch, long contextTokens) {
                contexts.add(contextTokens);
                return 30 * MS;
            }

            @Override
            public long prefillLatencyNanos(int tokens, long priorContextTokens) {
                return 100 * MS;
            }

            @Override
            public long prefillIntervalNanos(int tokens, long priorContextTokens) {
                return 100 * MS;
            }
        };
        EngineConfig config = new EngineConfig(true,
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8, 8192),
                new EngineConfig.Pool(1, recording, 1, 1e12, 8, 8192),
                1e9, 0, false, 80, new PerTokenKv(1000), RouterPolicy.ROUND_ROBIN, 0);

        run(config, new long[] {0}, new int[] {1000}, new int[] {6}, new EngineOutcome[1]);

        assertThat(contexts).containsExactly(1000L, 1003L, 1005L);
    }

    @Test
    void aColocatedPipelineTimeSharesPrefillAndDecode() {
        // one instance: an iteration runs the decode batch (10 ms) and then up to 8,192 prompt tokens (100 ms)
        EngineConfig.Pool pool = new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8,
                8192);
        EngineConfig config = new EngineConfig(false, pool, null, 0, 0, false, 80, new PerTokenKv(1000),
                RouterPolicy.ROUND_ROBIN, 0);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 50 * MS}, new int[] {1000, 1000}, new int[] {3, 2}, outcome);

        // 0-100: r0's prompt alone. 100-210: r0's first decode step (10) then r1's prompt (100).
        // 210-220: r0 and r1 decode (r1's first token); 220-230: both decode, both done (r0's third token, r1's
        // second). KV room is reserved on arrival.
        assertThat(times).containsExactly(new Times(0, 0, 100, 0, 210, 230), new Times(50, 100, 210, 50, 220, 230));
        assertThat(outcome[0].endNanos()).isEqualTo(230 * MS);
        assertThat(outcome[0].prefillBusyNanos()).isEqualTo(200 * MS);
        assertThat(outcome[0].decodeBusyNanos()).isEqualTo(30 * MS);
        // 10 ms at batch 1, 20 ms at batch 2
        assertThat(outcome[0].batchNanos()).isEqualTo(1.0 * 10 * MS + 2.0 * 20 * MS);
    }

    @Test
    void transfersOnOneLinkShareItsBandwidth() {
        // a pipelined prefill instance (2 stages: a step every 1 ms, each done 100 ms after it starts) sends two
        // 10,000,000-byte caches (1,000 tokens × 10,000 bytes) over one 1e9 B/s link: r0 starts at 100 alone, r1
        // joins at 101 with r0's 9e6 bytes left; sharing, each gets 0.5e9 B/s, so r0 ends 18 ms later at 119 and r1,
        // with 1e6 bytes left, alone again at 120
        EngineConfig config = new EngineConfig(true,
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, MS), 2, 1e12, 8, 8192),
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e14, 8, 8192),
                1e9, 0, false, 80, new PerTokenKv(10_000), RouterPolicy.ROUND_ROBIN, 0);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 0}, new int[] {1000, 1000}, new int[] {1, 1}, outcome);

        // r0 decodes 119-129; r1's cache arrives at 120, while r0's iteration runs, and joins the next: 129-139
        assertThat(times).containsExactly(new Times(0, 0, 100, 100, 129, 129), new Times(0, 1, 101, 101, 139, 139));
    }

    @Test
    void aRequestWaitsForKvRoomAndOneThatCanNeverFitIsRejected() {
        // decode KV room of 1,500 tokens: r0 (1,000 + 12) fits; r1 (1,000 + 2) must wait for r0 to leave;
        // r2 (2,000 + 1) can never fit and is rejected on arrival
        EngineConfig config = new EngineConfig(true,
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8, 8192),
                new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1500 * 1000.0, 8, 8192),
                1e9, 0, false, 80, new PerTokenKv(1000), RouterPolicy.ROUND_ROBIN, 0);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 0, 0}, new int[] {1000, 1000, 2000}, new int[] {12, 2, 1},
                outcome);

        // r0: prefill 0-100, link 100-101, 12 iterations 101-221. r1: prefill 100-200, waits for room until r0
        // leaves at 221, link 221-222, decodes 222-232 (first token), 232-242
        assertThat(times).containsExactly(new Times(0, 0, 100, 100, 111, 221), new Times(0, 100, 200, 221, 232, 242));
        assertThat(outcome[0].rejectedKvCache()).isEqualTo(1);
        assertThat(outcome[0].arrived()).isEqualTo(3);
        assertThat(outcome[0].inFlight()).isZero();
        // r1 waited 100 ms for prefill and 21 ms for KV room
        assertThat(outcome[0].queue().max()).isBetween(0.121, 0.121 * 1.001);
    }

    @Test
    void aRequestPastTheContextWindowIsTurnedAwayOnArrivalAndTheRestRunAsIfItNeverCame() {
        // a 2,048-token window: r0 (1,000 + 2 = 1,002) is served; r1 (2,000 + 49 = 2,049) is one token past it and is
        // turned away on arrival, before it takes KV room or a prefill step; r2 (1,000 + 1,048 = 2,048) fits exactly
        EngineConfig.Pool pool = new EngineConfig.Pool(1, new FixedStepTimes(10 * MS, 100 * MS, 100 * MS), 1, 1e12, 8,
                8192);
        EngineConfig config = new EngineConfig(true, pool, pool, 1e9, 0, false, 80, new PerTokenKv(1000),
                RouterPolicy.ROUND_ROBIN, 0, 2048);
        EngineOutcome[] outcome = new EngineOutcome[1];

        List<Times> times = run(config, new long[] {0, 0, 0}, new int[] {1000, 2000, 1000}, new int[] {2, 49, 1048},
                outcome);

        // r0: prefill 0-100, link 100-101, first token 111, second 121; r2: prefill 100-200, link 200-201, first
        // token at 211 (its iteration joins r0's finished batch), then 1,047 more 10 ms iterations: 211 + 10,470
        assertThat(times).containsExactly(new Times(0, 0, 100, 100, 111, 121),
                new Times(0, 100, 200, 200, 211, 211 + 1047 * 10));
        assertThat(outcome[0].rejectedContextWindow()).isEqualTo(1);
        assertThat(outcome[0].rejectedKvCache()).isZero();
        assertThat(outcome[0].arrived()).isEqualTo(3);
        assertThat(outcome[0].completed() + outcome[0].rejected()).isEqualTo(3);
        assertThat(outcome[0].inFlight()).isZero();
    }
}
