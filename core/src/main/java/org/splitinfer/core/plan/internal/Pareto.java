package org.splitinfer.core.plan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.splitinfer.core.plan.PlannedDeployment;

/**
 * The deployments no other beats on every count at once: lower cost per million tokens, lower p90 TTFT, lower p90
 * TPOT and more tokens per joule. One dominates another when it is no worse on all four and better on one.
 */
final class Pareto {
    private Pareto() {
    }

    /** @return the non-dominated deployments, cheapest first */
    static List<PlannedDeployment> front(List<PlannedDeployment> deployments) {
        List<PlannedDeployment> front = new ArrayList<>();
        for (PlannedDeployment candidate : deployments) {
            boolean dominated = false;
            for (PlannedDeployment other : deployments) {
                if (other != candidate && dominates(other, candidate)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        front.sort(Comparator.comparingDouble(PlannedDeployment::usdPerMillionTokens)
                .thenComparingDouble(PlannedDeployment::ttftP90Seconds));
        return front;
    }

    static boolean dominates(PlannedDeployment a, PlannedDeployment b) {
        boolean noWorse = a.usdPerMillionTokens() <= b.usdPerMillionTokens() && a.ttftP90Seconds() <= b.ttftP90Seconds()
                && a.tpotP90Seconds() <= b.tpotP90Seconds() && a.tokensPerJoule() >= b.tokensPerJoule();
        boolean better = a.usdPerMillionTokens() < b.usdPerMillionTokens() || a.ttftP90Seconds() < b.ttftP90Seconds()
                || a.tpotP90Seconds() < b.tpotP90Seconds() || a.tokensPerJoule() > b.tokensPerJoule();
        return noWorse && better;
    }
}
