package org.splitinfer.core.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.sim.RouterPolicy;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.sim.TimeSample;

/**
 * Properties over random workloads and random deployments: every request is accounted for, no request's tokens
 * come before it arrived, time never goes backwards, and the time-average of requests in the system is the arrival
 * rate times the mean time in it (Little's law).
 */
class EngineInvariantsTest {
    private static final long MS = 1_000_000;

    /** Step times that grow with the work, so batching and queueing matter. */
    private record GrowingStepTimes(int stages) implements StepTimes {
        @Override
        public long decodeNanos(int batch, long contextTokens) {
            return 5 * MS + batch * 100_000L + contextTokens * batch;
        }

        @Override
        public long prefillLatencyNanos(int tokens, long priorContextTokens) {
            return MS + tokens * 20_000L + priorContextTokens * 1_000L;
        }

        @Override
        public long prefillIntervalNanos(int tokens, long priorContextTokens) {
            return Math.max(1, prefillLatencyNanos(tokens, priorContextTokens) / stages);
        }
    }

    private static EngineConfig randomConfig(SplittableRandom random, long sampleNanos) {
        boolean split = random.nextBoolean();
        int stages = 1 + random.nextInt(3);
        EngineConfig.Pool first = new EngineConfig.Pool(1 + random.nextInt(3), new GrowingStepTimes(stages), stages,
                (2_000 + random.nextInt(40_000)) * 1000.0, 1 + random.nextInt(64), 256 + random.nextInt(8192));
        EngineConfig.Pool decode = split ? new EngineConfig.Pool(1 + random.nextInt(3), new GrowingStepTimes(1), 1,
                (2_000 + random.nextInt(40_000)) * 1000.0, 1 + random.nextInt(64), 8192) : null;
        return new EngineConfig(split, first, decode, 1e8 + random.nextInt(1_000_000_000), random.nextInt(100_000),
                random.nextBoolean(), 32, new PerTokenKv(1000),
                random.nextBoolean() ? RouterPolicy.ROUND_ROBIN : RouterPolicy.LEAST_OUTSTANDING_TOKENS, sampleNanos);
    }

    private static ListedRequests randomRequests(SplittableRandom random, int count) {
        long[] arrivals = new long[count];
        int[] inputs = new int[count];
        int[] outputs = new int[count];
        long meanGap = 1 + random.nextInt(200) * MS;
        long at = 0;
        for (int i = 0; i < count; i++) {
            at += (long) (-Math.log(1 - random.nextDouble()) * meanGap);
            arrivals[i] = at;
            inputs[i] = 1 + random.nextInt(4000);
            outputs[i] = 1 + random.nextInt(300);
        }
        return new ListedRequests(arrivals, inputs, outputs);
    }

    @Test
    void everyRequestEndsOnceAndNoTokenComesBeforeItsRequestOrTimeBeforeItself() {
        SplittableRandom random = new SplittableRandom(20261130);
        for (int run = 0; run < 200; run++) {
            EngineConfig drawn = randomConfig(random, 0);
            // half the runs have a context window that some requests (up to 4,300 tokens) exceed
            EngineConfig config = new EngineConfig(drawn.split(), drawn.prefill(), drawn.decode(),
                    drawn.linkBytesPerSecond(), drawn.linkLatencyNanos(), drawn.layerStreaming(), drawn.layers(),
                    drawn.kv(), drawn.router(), drawn.sampleNanos(),
                    random.nextBoolean() ? Long.MAX_VALUE : 1_000 + random.nextInt(3_500));
            int count = 1 + random.nextInt(400);
            boolean byTime = random.nextBoolean();
            RunLimit limit = byTime ? RunLimit.duration(0.5 + random.nextDouble() * 20) : RunLimit.requests(count);
            Engine engine = new Engine(config, randomRequests(random, count), limit, ServiceLevel.DEFAULT, null);
            long[] lastFinish = {0};
            long[] observed = {0};
            engine.observe((arrival, start, done, reserved, first, finish, input, output) -> {
                assertThat(start).isGreaterThanOrEqualTo(arrival);
                assertThat(done).isGreaterThan(start);
                assertThat(reserved).isGreaterThanOrEqualTo(config.split() ? done : arrival);
                assertThat(first).isGreaterThan(Math.max(done, reserved));
                assertThat(finish).isGreaterThanOrEqualTo(first);
                assertThat(finish).isGreaterThanOrEqualTo(lastFinish[0]);
                lastFinish[0] = finish;
                observed[0]++;
            });

            EngineOutcome outcome = engine.run();

            assertThat(outcome.completed() + outcome.rejectedKvCache() + outcome.rejectedContextWindow()
                    + outcome.inFlight()).as("run %d", run).isEqualTo(outcome.arrived());
            if (config.contextWindowTokens() == Long.MAX_VALUE) {
                assertThat(outcome.rejectedContextWindow()).isZero();
            }
            assertThat(outcome.inFlight()).as("run %d", run).isGreaterThanOrEqualTo(0);
            assertThat(observed[0]).isEqualTo(outcome.completed());
            if (!byTime) {
                assertThat(outcome.arrived()).isEqualTo(count);
                assertThat(outcome.inFlight()).as("a request-limited run drains, run %d", run).isZero();
            } else {
                assertThat(outcome.endNanos()).isEqualTo(Math.round(limit.durationSeconds() * 1e9));
            }
        }
    }

    @Test
    void requestsInTheSystemAverageArrivalRateTimesTimeInIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 20; run++) {
            // samples every 0.1 ms: fine enough that their mean is the time-average
            EngineConfig config = randomConfig(random, 100_000);
            Engine engine = new Engine(config, randomRequests(random, 300), RunLimit.requests(300),
                    ServiceLevel.DEFAULT, null);
            double[] sojourn = {0};
            engine.observe((arrival, start, done, reserved, first, finish, input, output) ->
                    sojourn[0] += finish - arrival);

            EngineOutcome outcome = engine.run();

            // L = λ W: the time-average of N(t) over [0, T] equals Σ sojourn ÷ T (every request ended; a rejected one
            // spent no time in the system)
            double timeAverage = 0;
            for (TimeSample sample : outcome.samples()) {
                timeAverage += sample.inSystem();
            }
            timeAverage /= outcome.samples().size();
            double littles = sojourn[0] / outcome.endNanos();
            assertThat(timeAverage).as("run %d", run).isCloseTo(littles, within(0.02 * littles + 0.01));
        }
    }

    @Test
    void theSameRequestsGiveTheSameRun() {
        SplittableRandom first = new SplittableRandom(99);
        SplittableRandom second = new SplittableRandom(99);

        EngineOutcome a = new Engine(randomConfig(first, MS), randomRequests(first, 300), RunLimit.requests(300),
                ServiceLevel.DEFAULT, null).run();
        EngineOutcome b = new Engine(randomConfig(second, MS), randomRequests(second, 300), RunLimit.requests(300),
                ServiceLevel.DEFAULT, null).run();

        assertThat(a.endNanos()).isEqualTo(b.endNanos());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.ttft()).isEqualTo(b.ttft());
        assertThat(a.samples()).isEqualTo(b.samples());
    }
}
