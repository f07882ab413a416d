package org.splitinfer.core.sim.internal;

import org.splitinfer.core.sim.RouterPolicy;

/** Picks an instance of a pool for a request: in turn, or the one with the fewest outstanding tokens. */
final class Router {
    private final RouterPolicy policy;
    private final int instances;
    private int cursor;

    Router(RouterPolicy policy, int instances) {
        this.policy = policy;
        this.instances = instances;
    }

    /**
     * @param outstanding each instance's outstanding tokens, read only by {@link RouterPolicy#LEAST_OUTSTANDING_TOKENS}
     * @return the instance; ties go to the lowest index
     */
    int pick(long[] outstanding) {
        if (policy == RouterPolicy.ROUND_ROBIN) {
            int chosen = cursor;
            cursor = (cursor + 1) % instances;
            return chosen;
        }
        int best = 0;
        for (int i = 1; i < instances; i++) {
            if (outstanding[i] < outstanding[best]) {
                best = i;
            }
        }
        return best;
    }
}
