package org.splitinfer.core.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.plan.PlannedDeployment;

class ParetoTest {
    private static PlannedDeployment deployment(String id, double usd, double ttft, double tpot, double tokensPerJoule) {
        return new PlannedDeployment(PipelineSpec.colocated(PoolSpec.of(id, 1)), PipelineKind.COLOCATED, id, id, 1,
                ttft, tpot, 1, 1, usd, tokensPerJoule, 1, 1, Optional.empty(), List.of(), true, List.of(),
                Optional.empty());
    }

    @Test
    void aDeploymentWorseOrEqualOnEveryCountIsDominated() {
        PlannedDeployment cheap = deployment("cheap", 1, 0.5, 0.03, 1.0);
        PlannedDeployment fast = deployment("fast", 2, 0.2, 0.02, 0.8);
        PlannedDeployment worse = deployment("worse", 2, 0.5, 0.03, 0.9);
        PlannedDeployment tie = deployment("tie", 1, 0.5, 0.03, 1.0);

        // cheap beats worse on cost and energy and ties it on latency; fast is cheaper in nothing but faster
        assertThat(Pareto.dominates(cheap, worse)).isTrue();
        assertThat(Pareto.dominates(cheap, fast)).isFalse();
        assertThat(Pareto.dominates(fast, cheap)).isFalse();
        // equal on every count: neither dominates
        assertThat(Pareto.dominates(cheap, tie)).isFalse();
        assertThat(Pareto.front(List.of(worse, fast, cheap, tie))).containsExactly(cheap, tie, fast);
    }
}
