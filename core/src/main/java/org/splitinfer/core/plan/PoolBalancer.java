package org.splitinfer.core.plan;

import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.model.ModelSpec;

/**
 * Balances a split pipeline's prefill pool to its decode pool at a workload: the fewest prefill instances that keep
 * the prefill pool no busier than {@value #TARGET_LOAD} of its time at the throughput the deployment then reaches, so
 * that a pool of fast decode chips is not starved by one prefill instance. A colocated pipeline is returned as is.
 *
 * <p>The throughput comes from the estimator (Little's law on the workload's requests in flight, capped by each
 * pool); adding a prefill instance raises it until the decode pool or the loop limits it, so the search stops at the
 * first count that meets the target, or when another instance would no longer raise the throughput by 1%.
 *
 * @since 0.1
 */
public final class PoolBalancer {
    /** The busiest a balanced prefill pool may be: a fifth of its time left for bursts, as the planner sizes. */
    public static final double TARGET_LOAD = 0.8;
    private static final int MAX_INSTANCES = 256;

    private PoolBalancer() {
    }

    /**
     * @param estimator the estimator
     * @param model     the model
     * @param pipeline  the deployment; a split one's prefill instance count is what changes
     * @param workload  the load to balance at
     * @param software  the serving stack whose profile applies, or null
     * @return the balanced deployment
     */
    public static PipelineSpec balance(Estimator estimator, ModelSpec model, PipelineSpec pipeline,
                                       Workload workload, String software) {
        if (!(pipeline instanceof PipelineSpec.Split split)) {
            return pipeline;
        }
        PipelineSpec.Split best = split.withPrefillInstances(1);
        Estimate estimate = estimator.estimate(model, best, workload, software);
        for (int instances = 2; instances <= MAX_INSTANCES && prefillBusy(estimate) > TARGET_LOAD; instances++) {
            PipelineSpec.Split more = split.withPrefillInstances(instances);
            Estimate next = estimator.estimate(model, more, workload, software);
            if (next.outputTokensPerSecond() < estimate.outputTokensPerSecond() * 1.01) {
                break;
            }
            best = more;
            estimate = next;
        }
        return best;
    }

    private static double prefillBusy(Estimate estimate) {
        for (PhaseEstimate phase : estimate.phases()) {
            if (phase.role() == PoolRole.PREFILL) {
                return phase.busyFraction();
            }
        }
        return 0;
    }
}
