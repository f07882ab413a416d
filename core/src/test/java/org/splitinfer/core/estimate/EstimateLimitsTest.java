package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;

/** Counts the estimator accepts, bounded where they enter, and the model's context window. */
class EstimateLimitsTest {
    private static final ModelSpec LLAMA_8B = ModelCatalog.builtIn().get("llama-3.1-8b");
    private static final ModelSpec LLAMA_70B = ModelCatalog.builtIn().get("llama-3.1-70b");

    @Test
    void aBillionInstancesAreRefusedNotWrappedIntoNegativeChips() {
        // before: 1 + 1,000,000,000 × 2 chips wrapped to -1,294,967,295 and the estimate printed with exit 0
        assertThatThrownBy(() -> PoolSpec.of("h100-sxm", 1).withInstances(1_000_000_000))
                .isInstanceOf(EstimateException.class)
                .hasMessage("instances must be from 1 to 1,048,576, got 1000000000 for the h100-sxm pool; SplitInfer"
                        + " models at most 1,048,576 chips in a pool")
                .satisfies(e -> assertThat(((EstimateException) e).fields()).containsExactly("instances"));
    }

    @Test
    void aPoolOfMoreChipsThanTheLimitIsRefused() {
        // 2 × 600,000 = 1,200,000 > 1,048,576
        assertThatThrownBy(() -> PoolSpec.of("h100-sxm", 2).withInstances(600_000))
                .isInstanceOf(EstimateException.class)
                .hasMessageStartingWith("chips × instances = 2 × 600000 = 1,200,000 chips for the h100-sxm pool");
    }

    @Test
    void autoChipsSizedPastTheLimitAreRefusedOnceSized() {
        // 141 GB of Llama-3.1-70B weights at bf16 need at least 2 chips of 80 GB: 2 × 1,048,576 instances exceed the
        // limit, which only the sized pool can tell
        PipelineSpec pipeline = PipelineSpec.colocated(PoolSpec.auto("chip").withInstances(Limits.MAX_CHIPS));

        assertThatThrownBy(() -> EstimatorTest.estimator(FakeChip.h100Like("chip")).estimate(LLAMA_70B, pipeline,
                Workload.closedLoop(2000, 300, 1)))
                .isInstanceOf(EstimateException.class)
                .hasMessageStartingWith("the colocated pool needs ")
                .hasMessageContaining("more than the 1,048,576 SplitInfer models in a pool");
    }

    @Test
    void tokenCountsPastTheLimitAreRefusedNotOverflowed() {
        // before: 9223372036854775807 input tokens overflowed into a negative KV cache, an internal failure
        assertThatThrownBy(() -> Workload.closedLoop(Long.MAX_VALUE, 300, 1))
                .isInstanceOf(EstimateException.class)
                .hasMessage("workload.inputTokens and workload.outputTokens must each be from 1 to 16,777,216 tokens,"
                        + " got 9223372036854775807 and 300");
        assertThatThrownBy(() -> Workload.closedLoop(10_000_000, 10_000_000, 1))
                .hasMessage("workload.inputTokens + workload.outputTokens = 20,000,000 tokens, more than the"
                        + " 16,777,216 SplitInfer models in one request");
        assertThatThrownBy(() -> new Workload(1, 1, OptionalInt.of(2_000_000)))
                .hasMessage("workload.concurrency must be from 1 to 1,048,576, got 2000000 requests in flight");
    }

    @Test
    void aRequestLongerThanTheContextWindowIsRefusedUnlessLongContextIsAllowed() {
        Estimator estimator = EstimatorTest.estimator(FakeChip.h100Like("chip"));
        PipelineSpec pipeline = PipelineSpec.colocated(PoolSpec.of("chip", 8));
        // Llama 3.1's window is 131,072 tokens; 1,000,000 + 300 is past it
        Workload tooLong = Workload.closedLoop(1_000_000, 300, 1);

        assertThatThrownBy(() -> estimator.estimate(LLAMA_8B, pipeline, tooLong))
                .isInstanceOf(EstimateException.class)
                .hasMessage("workload.inputTokens + workload.outputTokens = 1,000,300 tokens exceed the 131,072-token"
                        + " context window of 'llama-3.1-8b'; lower workload.inputTokens or workload.outputTokens,"
                        + " or set workload.allowLongContext")
                .satisfies(e -> assertThat(((EstimateException) e).fields()).containsExactly("workload.inputTokens",
                        "workload.outputTokens", "workload.allowLongContext"));
        assertThat(estimator.estimate(LLAMA_8B, pipeline, tooLong.allowingLongContext()).ttftSeconds())
                .isPositive();
        // exactly the window is within it: 130,772 + 300 = 131,072
        assertThat(estimator.estimate(LLAMA_8B, pipeline, Workload.closedLoop(130_772, 300, 1)).chips()).isEqualTo(8);
    }

}
