package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one iteration formula the estimator, the simulator and the planner share, by hand. */
class StepCostIterationTest {

    @Test
    void aSpeculativeIterationPaysTheStacksOverheadOncePerIterationNotPerMicroBatch() {
        // verification: latency 10 ms, interval 6 ms of which 2 ms are the stack's overhead; a draft pass: latency
        // 3 ms, interval 2 ms; k = 4 proposals, 2 micro-batches.
        // latency 10 + 4 × 3 = 22 ms; interval 6 + 4 × 2 = 14 ms; 2 micro-batches of its 14 − 2 = 12 ms of work and
        // one overhead: 2 × 12 + 2 = 26 ms > 22 ms
        double seconds = StepCost.speculativeIterationSeconds(10e-3, 6e-3, 3e-3, 2e-3, 4, 2, 2e-3);

        assertThat(seconds).isCloseTo(26e-3, within(1e-12));
        // paying the overhead per micro-batch, max(22, 2 × 14) = 28 ms, would overstate it
        assertThat(seconds).isLessThan(2 * 14e-3);
        // one micro-batch: max(22, 14) = 22 ms, the latency
        assertThat(StepCost.speculativeIterationSeconds(10e-3, 6e-3, 3e-3, 2e-3, 4, 1, 2e-3))
                .isCloseTo(22e-3, within(1e-12));
    }
}
