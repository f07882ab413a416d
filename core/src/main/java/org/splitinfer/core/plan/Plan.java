package org.splitinfer.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * The planner's answer.
 *
 * @param request     what was planned for
 * @param candidates  ranked: verified deployments that meet the objective and budgets (best first by the objective),
 *                    then verified ones that miss (closest first), then estimated ones not verified
 * @param paretoFront verified deployments no other verified one beats on cost, p90 TTFT, p90 TPOT and tokens per
 *                    joule at once
 * @param winner      the best verified deployment that meets everything, if any
 * @param considered  deployments whose figures were estimated
 * @param simulated   simulations run to verify candidates
 * @param excluded    accelerators left out because their plugin failed, sorted by id
 * @since 0.1
 */
public record Plan(PlanRequest request, List<PlannedDeployment> candidates, List<PlannedDeployment> paretoFront,
                   Optional<PlannedDeployment> winner, int considered, int simulated,
                   List<ExcludedAccelerator> excluded) {
    /** Copies the lists. */
    public Plan {
        candidates = List.copyOf(candidates);
        paretoFront = List.copyOf(paretoFront);
        excluded = List.copyOf(excluded);
    }

    /**
     * A plan that left nothing out.
     *
     * @param request     what was planned for
     * @param candidates  ranked deployments
     * @param paretoFront the Pareto front
     * @param winner      the winner, if any
     * @param considered  deployments estimated
     * @param simulated   simulations run
     */
    public Plan(PlanRequest request, List<PlannedDeployment> candidates, List<PlannedDeployment> paretoFront,
                Optional<PlannedDeployment> winner, int considered, int simulated) {
        this(request, candidates, paretoFront, winner, considered, simulated, List.of());
    }

    /**
     * @param excludedAccelerators accelerators left out
     * @return this plan with those
     */
    public Plan withExcluded(List<ExcludedAccelerator> excludedAccelerators) {
        return new Plan(request, candidates, paretoFront, winner, considered, simulated, excludedAccelerators);
    }
}
