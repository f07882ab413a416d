package org.splitinfer.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.core.plan.internal.PlanSearch;
import org.splitinfer.core.sim.Simulator;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Status;

/**
 * The planner: the deployment of the installed chips that meets a latency objective at a workload's rate for the
 * least cost (or energy, chips, latency), verified by the simulator. The search's rules are on
 * {@code org.splitinfer.core.plan.internal.PlanSearch}.
 *
 * <pre>{@code
 * Plan plan = splitInfer.plan(PlanRequest.of(splitInfer.models().get("llama-3.1-70b"),
 *         Workloads.builtIn("chat").atRate(50)));
 * plan.winner().ifPresent(w -> System.out.println(w.pipeline() + ": $" + w.usdPerMillionTokens() + "/Mtok"));
 * }</pre>
 *
 * Thread-safe; each plan is independent.
 *
 * @since 0.1
 */
public final class Planner {
    private final HardwareRegistry hardware;
    private final PlanSearch search;

    /**
     * @param hardware  the installed accelerators
     * @param estimator the estimator over them
     * @param simulator the simulator over them
     * @param links     KV link types
     * @param cost      how purchases and energy are paid for
     */
    public Planner(HardwareRegistry hardware, Estimator estimator, Simulator simulator, LinkCatalog links,
                   CostAssumptions cost) {
        this.hardware = hardware;
        this.search = new PlanSearch(estimator, simulator, links, cost);
    }

    /**
     * Plans.
     *
     * @param request what to plan for
     * @return the plan; its winner is empty when no deployment meets everything (its candidates then say what each
     *         misses)
     * @throws SplitInferException for an unknown hardware id or family, or when no allowed chip remains
     */
    public Plan plan(PlanRequest request) {
        return plan(request, null);
    }

    /**
     * Plans, reporting progress.
     *
     * @param request  what to plan for
     * @param progress told how many candidates have been verified; may be null
     * @return the plan
     */
    public Plan plan(PlanRequest request, IntConsumer progress) {
        List<Accelerator> allowed = allowed(request);
        List<ExcludedAccelerator> excluded = new ArrayList<>();
        while (true) {
            Plan plan;
            try {
                plan = search.plan(request, allowed, progress);
            } catch (PluginFaultException fault) {
                // a chip whose plugin fails after its shapes were found (in a verifying simulation, say) leaves
                // the search, which starts again without it (faults are rare, and a search is seconds)
                if (!allowed.removeIf(accelerator -> accelerator.id().equals(fault.acceleratorId()))) {
                    throw fault;
                }
                excluded.add(ExcludedAccelerator.of(fault));
                continue;
            }
            boolean noneLeft = plan.excluded().size() == allowed.size();
            excluded.addAll(plan.excluded());
            excluded.sort(Comparator.comparing(ExcludedAccelerator::acceleratorId));
            if (noneLeft) {
                throw new SplitInferException("no accelerator to plan with: every one allowed failed in its plugin,"
                        + " the first with: " + excluded.get(0).reason(), null, List.of("plan.hardware"));
            }
            return plan.withExcluded(excluded);
        }
    }

    /** The chips the request allows: those named (ids or family names), else all; projected ones only if asked. */
    private List<Accelerator> allowed(PlanRequest request) {
        List<Accelerator> all = hardware.accelerators();
        List<Accelerator> named = new ArrayList<>();
        if (request.hardware().isEmpty()) {
            named.addAll(all);
        } else {
            List<String> choices = new ArrayList<>(hardware.ids());
            for (Accelerator accelerator : all) {
                String family = accelerator.spec().family().name();
                if (!choices.contains(family)) {
                    choices.add(family);
                }
            }
            for (String wanted : request.hardware()) {
                String key = wanted.strip().toLowerCase(Locale.ROOT);
                boolean matched = false;
                for (Accelerator accelerator : all) {
                    if (accelerator.id().equals(key) || accelerator.spec().family().name().equals(key)) {
                        if (!named.contains(accelerator)) {
                            named.add(accelerator);
                        }
                        matched = true;
                    }
                }
                if (!matched) {
                    throw new SplitInferException(Suggestions.unknown("accelerator or family", wanted, choices)
                            + "; name installed accelerator ids or families in plan.hardware", null,
                            List.of("plan.hardware"));
                }
            }
        }
        List<Accelerator> allowed = new ArrayList<>();
        for (Accelerator accelerator : named) {
            if (request.includeProjected() || accelerator.spec().status() != Status.PROJECTED) {
                allowed.add(accelerator);
            }
        }
        if (allowed.isEmpty()) {
            throw new SplitInferException("no accelerator to plan with: every one named is projected; include"
                    + " projected parts with plan.includeProjected", null, List.of("plan.includeProjected"));
        }
        return allowed;
    }
}
