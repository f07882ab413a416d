package org.splitinfer.core.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineFile;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.UnknownAcceleratorException;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.plan.Budgets;
import org.splitinfer.core.plan.Miss;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.plan.Planner;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SchedulerSettings;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.sim.Simulator;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.core.workload.WorkloadSpec;
import org.splitinfer.core.workload.Workloads;

/**
 * Runs one sweep point through the planner or the simulator and turns the answer into its row. A point whose plan
 * or simulation is refused (a model that fits no chip of the set, an unknown id) gives a row with status
 * {@code error} and the refusal's sentence, not a failed sweep. Thread-safe: the planner and simulator are.
 *
 * @since 0.1
 */
public final class PointEvaluator {
    private final ModelCatalog models;
    private final HardwareRegistry hardware;
    private final Planner planner;
    private final Simulator simulator;

    /**
     * @param models    resolves the points' model ids
     * @param hardware  the installed accelerators (a hardware set may name an id's unique beginning, or a family)
     * @param planner   plans the plan points
     * @param simulator runs the simulate points
     */
    public PointEvaluator(ModelCatalog models, HardwareRegistry hardware, Planner planner, Simulator simulator) {
        this.models = models;
        this.hardware = hardware;
        this.planner = planner;
        this.simulator = simulator;
    }

    /**
     * @param point the point
     * @return its row
     */
    public SweepRow evaluate(SweepPoint point) {
        try {
            ModelSpec model = models.resolve(point.model());
            WorkloadSpec workload = workload(point.workload()).atRate(point.rateRequestsPerSecond());
            ServiceLevel slo = new ServiceLevel(point.ttftSeconds(), point.tpotSeconds());
            String software = point.software().isEmpty() ? null : point.software();
            if (point.mode() == SweepMode.PLAN) {
                Plan plan = planner.plan(new PlanRequest(model, workload, slo, point.attainment(),
                        idsOrFamilies(point.hardware()), point.includeProjected(), point.objective(), Budgets.NONE,
                        point.top(), point.seed(), point.requests(), software, point.allowLongContext()));
                return planRow(point, plan);
            }
            PipelineSpec pipeline = PipelineFile.parse("deployment", point.deployment());
            SimulationResult result = simulator.run(new SimulationSpec(model, pipeline, workload,
                    RunLimit.requests(point.requests()), slo, point.seed(), SchedulerSettings.DEFAULT, software, 0,
                    point.allowLongContext()));
            return simulationRow(point, pipeline, result);
        } catch (SplitInferException e) {
            return row(point, "error", e.getMessage(), null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
    }

    /** A built-in workload's name, or a trace file (a name with a dot or a slash). */
    private static WorkloadSpec workload(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (Workloads.names().contains(lower) || !(name.contains("/") || name.contains("."))) {
            return Workloads.builtIn(lower);
        }
        return Workloads.trace(Path.of(name), false);
    }

    /** Each beginning of an id ({@code h100}) as the id; families and unknown names stay, for the planner to name. */
    private List<String> idsOrFamilies(List<String> wanted) {
        Set<String> families = new HashSet<>();
        for (Accelerator accelerator : hardware.accelerators()) {
            families.add(accelerator.spec().family().name());
        }
        List<String> resolved = new ArrayList<>();
        for (String name : wanted) {
            if (families.contains(name.toLowerCase(Locale.ROOT))) {
                resolved.add(name);
                continue;
            }
            try {
                resolved.add(hardware.resolve(name).id());
            } catch (UnknownAcceleratorException e) {
                resolved.add(name);
            }
        }
        return resolved;
    }

    private static SweepRow planRow(SweepPoint point, Plan plan) {
        Optional<PlannedDeployment> winner = plan.winner();
        Optional<PlannedDeployment> shown = winner.isPresent() ? winner : plan.candidates().stream().findFirst();
        String status = winner.isPresent() ? "winner" : "no-winner";
        String message = winner.isPresent() ? null : shown.map(PointEvaluator::misses)
                .orElse("no deployment of the hardware set holds the model");
        if (shown.isEmpty()) {
            return row(point, status, message, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, (long) plan.considered(), (long) plan.simulated());
        }
        PlannedDeployment deployment = shown.get();
        return row(point, status, message, oneLine(deployment.pipeline()), kind(deployment.kind().name()),
                deployment.prefillHardware(), deployment.decodeHardware(), (long) deployment.chips(),
                deployment.ttftP90Seconds(), deployment.tpotP90Seconds(),
                deployment.verified() ? deployment.sloAttainment() : null,
                deployment.verified() ? deployment.goodputRequestsPerSecond() : null,
                deployment.usdPerMillionTokens(), deployment.tokensPerJoule(), deployment.wallKilowatts(),
                deployment.usdPerHour(), deployment.bottleneck().map(b -> kind(b.name())).orElse(null),
                (long) plan.considered(), (long) plan.simulated());
    }

    private static SweepRow simulationRow(SweepPoint point, PipelineSpec pipeline, SimulationResult result) {
        String prefill;
        String decode;
        if (pipeline instanceof PipelineSpec.Split split) {
            prefill = split.prefill().hardware();
            decode = split.decode().hardware();
        } else {
            prefill = ((PipelineSpec.Colocated) pipeline).pool().hardware();
            decode = prefill;
        }
        return row(point, "simulated", null, point.deployment(), kind(result.pipeline().name()), prefill, decode,
                (long) result.chips(), result.ttftSeconds().p90(), result.tpotSeconds().p90(), result.sloAttainment(),
                result.goodputRequestsPerSecond(), result.usdPerMillionTokens(), result.tokensPerJoule(), null, null,
                kind(result.bottleneck().name()), null, null);
    }

    /** What the closest candidate misses, in the planner's terms: {@code slo_attainment 0.62 < 0.9}. */
    private static String misses(PlannedDeployment deployment) {
        List<String> parts = new ArrayList<>();
        for (Miss miss : deployment.misses()) {
            boolean atLeast = switch (miss.kind()) {
                case SLO_ATTAINMENT -> true;
                default -> false;
            };
            parts.add(miss.kind().name().toLowerCase(Locale.ROOT) + " " + miss.achieved() + (atLeast ? " < " : " > ")
                    + miss.required());
        }
        return parts.isEmpty() ? "the closest deployment was not verified" : "closest misses " + String.join(", ",
                parts);
    }

    private static String kind(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A deployment as one line of pipeline YAML, a flow mapping that {@link PipelineFile#parse} reads back:
     * {@code {prefill: {hardware: h100-sxm, chips: 8, instances: 1}, decode: {...}}}.
     *
     * @param pipeline the deployment
     * @return the line
     */
    public static String oneLine(PipelineSpec pipeline) {
        return "{" + String.join(", ", PipelineFile.render(pipeline).strip().split("\n")) + "}";
    }

    private static SweepRow row(SweepPoint point, String status, String message, String deployment, String kind,
                                String prefill, String decode, Long chips, Double ttft, Double tpot,
                                Double attainment, Double goodput, Double usdPerMillionTokens, Double tokensPerJoule,
                                Double wallKilowatts, Double usdPerHour, String bottleneck, Long considered,
                                Long simulated) {
        boolean plan = point.mode() == SweepMode.PLAN;
        return new SweepRow(Arrays.asList((long) point.index(), point.key(), kind(point.mode().name()),
                point.model(), point.workload(), point.rateRequestsPerSecond(), point.ttftSeconds(),
                point.tpotSeconds(), String.join(" ", point.hardware()), String.join(" ", point.overrides()),
                plan ? kind(point.objective().name()) : null, point.requests(), point.seed(), status, message,
                deployment, kind, prefill, decode, chips, ttft, tpot, attainment, goodput, usdPerMillionTokens,
                tokensPerJoule, wallKilowatts, usdPerHour, bottleneck, considered, simulated));
    }
}
