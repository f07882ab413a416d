package org.splitinfer.cli;

import java.util.List;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.band.ErrorBands;
import org.splitinfer.core.plan.Budgets;
import org.splitinfer.core.plan.Objective;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.report.PlanReport;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.workload.Workloads;

/**
 * Small, deterministic plans for the report's tests: llama-3.1-8b on the chat trace at 10 requests/s, GPUs and LPUs
 * only, the best 3 verified with 400 simulated requests each (seed 1), so a plan takes about a second. The same
 * plan on the command line is {@link #FLAGS}.
 */
final class ReportPlans {
    /**
     * An objective only split LPU pools meet among the candidates verified: a split winner (before the LPU's SRAM
     * room and whole nodes, a GPU prefill with an LPU decode won at 40 ms and 5 ms).
     */
    static final ServiceLevel TIGHT = new ServiceLevel(0.026, 0.002);
    /** An objective nothing meets: no winner. */
    static final ServiceLevel IMPOSSIBLE = new ServiceLevel(0.001, 0.0001);
    /** {@code splitinfer plan} flags for the plan {@link #plan} makes with {@link #TIGHT}. */
    static final List<String> FLAGS = List.of("plan", "--model", "llama-3.1-8b", "--workload", "chat", "--rate", "10",
            "--hardware", "h100-sxm,groq-lpu-v1", "--slo", "ttft=26ms,tpot=2ms", "--top", "3", "--requests", "400",
            "--seed", "1");

    private ReportPlans() {
    }

    /** @return the plan's page as {@code plan --report} writes it: with each deployment's error bands */
    static String report(SplitInfer splitInfer, Plan plan) {
        ErrorBands bands = splitInfer.bands().orElseThrow();
        return PlanReport.render(plan, splitInfer.hardware(),
                deployment -> bands.of(deployment, plan.request().software()));
    }

    static SplitInfer splitInfer() {
        return SplitInfer.create();
    }

    static Plan plan(SplitInfer splitInfer, ServiceLevel slo) {
        return splitInfer.plan(new PlanRequest(splitInfer.models().get("llama-3.1-8b"),
                Workloads.builtIn("chat").atRate(10), slo, 0.9, List.of("h100-sxm", "groq-lpu-v1"), false,
                Objective.COST, Budgets.NONE, 3, 1, 400, null));
    }
}
