package org.splitinfer.core.cost;

import org.splitinfer.core.testing.PlainChip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

class StepCostTableTest {
    private static final ParallelLayout TWO_WAY_TENSOR = new ParallelLayout(2, 1, 1, 1);
    private static final Residency HBM = Residency.allIn("hbm");
    private static final StepCostRange RANGE = new StepCostRange(64, 8192, 2048, 8192);
    private static final StepAdjustment STACK = new StepAdjustment(0.8, 2e-4, 1e-6);

    private static StepCoster coster(PlainChip chip) {
        return new StepCoster(chip, ModelCatalog.builtIn().get("llama-3.1-8b"), ModelPrecision.BF16, STACK, false);
    }

    private static StepCostTable table(PlainChip chip, StepCostRange range) {
        return new StepCostTable(coster(chip), TWO_WAY_TENSOR, HBM, range);
    }

    @Test
    void atEveryGridNodeALookupIsTheDirectCost() {
        StepCostTable table = table(new PlainChip(), RANGE);
        StepCoster direct = table.coster();
        StepCostGrid decode = table.decodeGrid();
        for (int i = 0; i < decode.xNodes(); i++) {
            for (int j = 0; j < decode.yNodes(); j++) {
                int batch = (int) decode.xNode(i);
                long context = decode.yNode(j);
                StepCost cost = direct.cost(StepBatch.decode(batch, context), TWO_WAY_TENSOR, HBM);
                assertThat(table.decodeLatencySeconds(batch, context))
                        .isCloseTo(cost.latencySeconds(), withinPercentage(1e-9));
                assertThat(table.decodeIntervalSeconds(batch, context))
                        .isCloseTo(cost.intervalSeconds(), withinPercentage(1e-9));
            }
        }
        StepCostGrid prefill = table.prefillGrid();
        for (int i = 0; i < prefill.xNodes(); i++) {
            for (int j = 0; j < prefill.yNodes(); j++) {
                int chunk = (int) prefill.xNode(i);
                long prior = prefill.yNode(j);
                StepCost cost = direct.cost(StepBatch.prefill(1, chunk, prior), TWO_WAY_TENSOR, HBM);
                assertThat(table.prefillLatencySeconds(chunk, prior))
                        .isCloseTo(cost.latencySeconds(), withinPercentage(1e-9));
                assertThat(table.prefillIntervalSeconds(chunk, prior))
                        .isCloseTo(cost.intervalSeconds(), withinPercentage(1e-9));
            }
        }
    }

    @Test
    void aVerificationTableTabulatesStepsOfItsTokensPerSequenceWithinOnePercent() {
        // a speculative pool's iteration verifies k + 1 = 5 new tokens per sequence: its table is that step's, not a
        // plain decode step's (which would miss the 4 extra tokens' projections, attention and logits)
        StepCostTable verify = new StepCostTable(coster(new PlainChip()), TWO_WAY_TENSOR, HBM, RANGE, 5);
        StepCoster direct = verify.coster();
        assertThat(verify.decodeTokensPerSequence()).isEqualTo(5);
        for (int batch = 1; batch <= RANGE.maxBatch(); batch += 3) {
            for (long context = 0; context <= RANGE.maxContextTokens(); context += 331) {
                StepCost cost = direct.cost(StepBatch.verify(batch, 5, context), TWO_WAY_TENSOR, HBM);
                assertThat(verify.decodeLatencySeconds(batch, context)).as("batch %d context %d", batch, context)
                        .isCloseTo(cost.latencySeconds(), withinPercentage(1));
                assertThat(verify.decodeIntervalSeconds(batch, context)).as("batch %d context %d", batch, context)
                        .isCloseTo(cost.intervalSeconds(), withinPercentage(1));
            }
        }
        assertThat(verify.decodeLatencySeconds(8, 1000))
                .isGreaterThan(table(new PlainChip(), RANGE).decodeLatencySeconds(8, 1000));
        assertThatThrownBy(() -> new StepCostTable(direct, TWO_WAY_TENSOR, HBM, RANGE, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a decode step brings at least 1 token per sequence, got 0");
    }

    @Test
    void betweenNodesEveryBatchAndContextIsWithinOnePercent() {
        // The plain roofline's kinks (a kernel turning from memory- to compute-bound) are the only bends; the
        // shipped chips' sweep is StepCostTableAccuracyTest in the distribution.
        StepCostTable table = table(new PlainChip(), RANGE);
        StepCoster direct = table.coster();
        for (int batch = 1; batch <= RANGE.maxBatch(); batch++) {
            for (long context = 0; context <= RANGE.maxContextTokens(); context += 97) {
                StepCost cost = direct.cost(StepBatch.decode(batch, context), TWO_WAY_TENSOR, HBM);
                assertThat(table.decodeLatencySeconds(batch, context)).as("batch %d context %d", batch, context)
                        .isCloseTo(cost.latencySeconds(), withinPercentage(1));
                assertThat(table.decodeIntervalSeconds(batch, context)).as("batch %d context %d", batch, context)
                        .isCloseTo(cost.intervalSeconds(), withinPercentage(1));
            }
        }
        for (int chunk = 1; chunk <= RANGE.maxChunkTokens(); chunk += 13) {
            for (long prior = 0; prior <= RANGE.maxPriorContextTokens(); prior += 331) {
                StepCost cost = direct.cost(StepBatch.prefill(1, chunk, prior), TWO_WAY_TENSOR, HBM);
                assertThat(table.prefillLatencySeconds(chunk, prior)).as("chunk %d prior %d", chunk, prior)
                        .isCloseTo(cost.latencySeconds(), withinPercentage(1));
                assertThat(table.prefillIntervalSeconds(chunk, prior)).as("chunk %d prior %d", chunk, prior)
                        .isCloseTo(cost.intervalSeconds(), withinPercentage(1));
            }
        }
    }

    @Test
    void lookupsOutsideTheRangeFailAndNameIt() {
        StepCostTable table = table(new PlainChip(), RANGE);
        assertThat(table.coversDecode(64, 8192)).isTrue();
        assertThat(table.coversDecode(65, 0)).isFalse();
        assertThat(table.coversDecode(0, 0)).isFalse();
        assertThat(table.coversDecode(1, 8193)).isFalse();
        assertThat(table.coversPrefill(2048, 8192)).isTrue();
        assertThat(table.coversPrefill(2049, 0)).isFalse();
        assertThat(table.coversPrefill(1, -1)).isFalse();
        assertThatThrownBy(() -> table.decodeLatencySeconds(65, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decode batch 65 at context 0 is outside this table's batch 1..64 and context 0..8192");
        assertThatThrownBy(() -> table.decodeIntervalSeconds(1, 8193))
                .hasMessage("decode batch 1 at context 8193 is outside this table's batch 1..64 and context 0..8192");
        assertThatThrownBy(() -> table.prefillLatencySeconds(4096, 0))
                .hasMessage("prefill chunk of 4096 tokens after 0 is outside this table's chunk 1..2048 and prior"
                        + " context 0..8192");
        assertThatThrownBy(() -> table.prefillIntervalSeconds(0, 0))
                .hasMessage("prefill chunk of 0 tokens after 0 is outside this table's chunk 1..2048 and prior"
                        + " context 0..8192");
    }

    @Test
    void eachPhasesGridIsBuiltOnItsFirstLookupAndOnlyThen() {
        PlainChip chip = new PlainChip();
        StepCostTable table = table(chip, RANGE);
        assertThat(chip.steps()).isZero();

        double first = table.decodeLatencySeconds(17, 1000);
        int decodeBuild = chip.steps();
        assertThat(decodeBuild).isPositive();
        assertThat(table.decodeLatencySeconds(17, 1000)).isEqualTo(first);
        assertThat(table.decodeIntervalSeconds(64, 8192)).isPositive();
        assertThat(chip.steps()).isEqualTo(decodeBuild);

        table.prefillLatencySeconds(512, 0);
        assertThat(chip.steps()).isGreaterThan(decodeBuild);
    }

    @Test
    void threadsRacingToTheFirstLookupShareOneBuild() throws Exception {
        PlainChip alone = new PlainChip();
        StepCostTable reference = table(alone, RANGE);
        reference.decodeGrid();
        int oneBuild = alone.steps();

        PlainChip shared = new PlainChip();
        StepCostTable table = table(shared, RANGE);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return table.decodeLatencySeconds(33, 5000);
                }));
            }
            start.countDown();
            for (Future<Double> result : results) {
                assertThat(result.get()).isEqualTo(reference.decodeLatencySeconds(33, 5000));
            }
        } finally {
            pool.shutdownNow();
        }
        // Eight threads, one build: the grid's costings were made once.
        assertThat(shared.steps()).isEqualTo(oneBuild);
    }

    @Test
    void aRangeOfOneBatchAndNoContextIsATableToo() {
        StepCostTable table = table(new PlainChip(), new StepCostRange(1, 0, 1, 0));
        StepCost decode = table.coster().cost(StepBatch.decode(1, 0), TWO_WAY_TENSOR, HBM);
        StepCost prefill = table.coster().cost(StepBatch.prefill(1, 1, 0), TWO_WAY_TENSOR, HBM);
        assertThat(table.decodeLatencySeconds(1, 0)).isEqualTo(decode.latencySeconds());
        assertThat(table.decodeIntervalSeconds(1, 0)).isEqualTo(decode.intervalSeconds());
        assertThat(table.prefillLatencySeconds(1, 0)).isEqualTo(prefill.latencySeconds());
        assertThat(table.coversDecode(2, 0)).isFalse();
    }

    @Test
    void aRangeNeedsOneBatchAndOneChunkAtLeast() {
        assertThatThrownBy(() -> new StepCostRange(0, 0, 1, 0))
                .hasMessage("maxBatch and maxChunkTokens must be >= 1, got 0 and 1");
        assertThatThrownBy(() -> new StepCostRange(1, -1, 1, 0))
                .hasMessage("maxContextTokens and maxPriorContextTokens must be >= 0, got -1 and 0");
    }
}
