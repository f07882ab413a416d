package org.splitinfer.core.plan;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.workload.WorkloadSpec;

/**
 * What to plan for.
 *
 * @param model            the model
 * @param workload         the traffic, at the rate to serve
 * @param slo              the latency objective
 * @param attainment       the share of requests that must meet it, in (0, 1]
 * @param hardware         accelerator ids or family names the pools may use; empty for every installed one
 * @param includeProjected whether projected parts compete (announced and shipping ones always do)
 * @param objective        what to minimise
 * @param budgets          limits on chips, power and cost
 * @param top              candidates to verify with the simulator, {@code >= 1}
 * @param seed             the simulations' seed
 * @param verifyRequests   requests each verifying simulation runs, {@code >= 1}
 * @param software         the serving stack whose fitted profile applies, or null
 * @param allowLongContext whether requests longer than the model's context window are served; else a workload whose
 *                         mean request exceeds it is refused, and its longest requests are turned away
 * @param speculative      how every decoding pool (decode, or colocated) decodes speculatively, or null for plain
 *                         decoding: the draft is sized, costed and simulated on each candidate's decoding chips
 * @since 0.1
 */
public record PlanRequest(ModelSpec model, WorkloadSpec workload, ServiceLevel slo, double attainment,
                          List<String> hardware, boolean includeProjected, Objective objective, Budgets budgets,
                          int top, long seed, long verifyRequests, String software, boolean allowLongContext,
                          SpeculativeDecoding speculative) {

    /** 90% of requests within the objective, as the default objective is stated. */
    public static final double DEFAULT_ATTAINMENT = 0.9;

    /** Validates the request; messages name its fields. */
    public PlanRequest {
        if (model == null || workload == null || slo == null || objective == null || budgets == null) {
            throw new IllegalArgumentException("a plan needs a model, a workload, an objective, an SLO and budgets");
        }
        hardware = List.copyOf(hardware);
        if (!(attainment > 0 && attainment <= 1)) {
            throw new SplitInferException("slo.attainment must be in (0, 1], got " + attainment, null,
                    List.of("slo.attainment"));
        }
        if (top < 1 || verifyRequests < 1) {
            throw new SplitInferException("plan.top and plan.verifyRequests must be at least 1, got " + top + " and "
                    + verifyRequests, null, List.of("plan.top", "plan.verifyRequests"));
        }
        if (workload.meanRequestsPerSecond().isEmpty()) {
            throw new SplitInferException("workload '" + workload.name() + "' is an offline backlog with no rate:"
                    + " give the rate it must be served at in workload.rate", null, List.of("workload.rate"));
        }
    }

    /**
     * A request that turns away requests past the model's context window.
     *
     * @param model            the model
     * @param workload         the traffic, at the rate to serve
     * @param slo              the latency objective
     * @param attainment       the share of requests that must meet it
     * @param hardware         accelerator ids or family names; empty for every installed one
     * @param includeProjected whether projected parts compete
     * @param objective        what to minimise
     * @param budgets          limits on chips, power and cost
     * @param top              candidates to verify
     * @param seed             the simulations' seed
     * @param verifyRequests   requests each verifying simulation runs
     * @param software         the serving stack, or null
     */
    public PlanRequest(ModelSpec model, WorkloadSpec workload, ServiceLevel slo, double attainment,
                       List<String> hardware, boolean includeProjected, Objective objective, Budgets budgets,
                       int top, long seed, long verifyRequests, String software) {
        this(model, workload, slo, attainment, hardware, includeProjected, objective, budgets, top, seed,
                verifyRequests, software, false, null);
    }

    /**
     * A request for plain decoding.
     *
     * @param model            the model
     * @param workload         the traffic, at the rate to serve
     * @param slo              the latency objective
     * @param attainment       the share of requests that must meet it
     * @param hardware         accelerator ids or family names; empty for every installed one
     * @param includeProjected whether projected parts compete
     * @param objective        what to minimise
     * @param budgets          limits on chips, power and cost
     * @param top              candidates to verify
     * @param seed             the simulations' seed
     * @param verifyRequests   requests each verifying simulation runs
     * @param software         the serving stack, or null
     * @param allowLongContext whether requests longer than the model's context window are served
     */
    public PlanRequest(ModelSpec model, WorkloadSpec workload, ServiceLevel slo, double attainment,
                       List<String> hardware, boolean includeProjected, Objective objective, Budgets budgets,
                       int top, long seed, long verifyRequests, String software, boolean allowLongContext) {
        this(model, workload, slo, attainment, hardware, includeProjected, objective, budgets, top, seed,
                verifyRequests, software, allowLongContext, null);
    }

    /**
     * The default plan: every installed accelerator but projected ones, the default SLO at 90%, lowest cost, the 5
     * best candidates verified with 10,000 simulated requests each.
     *
     * @param model    the model
     * @param workload the traffic at its rate
     * @return the request
     */
    public static PlanRequest of(ModelSpec model, WorkloadSpec workload) {
        return new PlanRequest(model, workload, ServiceLevel.DEFAULT, DEFAULT_ATTAINMENT, List.of(), false,
                Objective.COST, Budgets.NONE, 5, 1, 10_000, null);
    }

    /**
     * @return a copy that serves requests longer than the model's context window (a stack that extends it, or a
     *         what-if)
     */
    public PlanRequest allowingLongContext() {
        return new PlanRequest(model, workload, slo, attainment, hardware, includeProjected, objective, budgets, top,
                seed, verifyRequests, software, true, speculative);
    }

    /**
     * @param newSpeculative how every decoding pool decodes speculatively, or null for plain decoding
     * @return a copy whose candidates decode so
     */
    public PlanRequest withSpeculative(SpeculativeDecoding newSpeculative) {
        return new PlanRequest(model, workload, slo, attainment, hardware, includeProjected, objective, budgets, top,
                seed, verifyRequests, software, allowLongContext, newSpeculative);
    }
}
