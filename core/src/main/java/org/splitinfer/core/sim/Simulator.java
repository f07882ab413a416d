package org.splitinfer.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StepCostTables;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.ResolvedPipeline;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.sim.internal.SimulationRunner;
import org.splitinfer.core.workload.WorkloadStats;

/**
 * The serving simulator: replays a workload through a deployment request by request, with the same step costs as
 * the estimator, and measures tail latency, SLO attainment, goodput, energy and cost. The rules of the event loop are
 * on {@code org.splitinfer.core.sim.internal.Engine}; those of energy and cost on its runner.
 *
 * <p>A deployment is resolved as the estimator resolves it ({@link Estimator#resolve}), its {@code auto} pools
 * sized for {@link SchedulerSettings#sizingConcurrency()} requests of the workload's mean lengths; each pool's steps
 * are priced from its step-cost table, built once per simulator and shared by every run that uses the pool.
 *
 * <p>Thread-safe: each run has its own event loop; {@link #runAll} runs independent runs (seeds, rates, deployments)
 * on all cores and returns them in the order given.
 *
 * @since 0.1
 */
public final class Simulator {
    private final Estimator estimator;
    private final SimulationRunner runner;
    private final ConcurrentMap<Resolution, ResolvedPipeline> resolved = new ConcurrentHashMap<>();

    /**
     * @param hardware    the installed accelerators
     * @param links       KV link types
     * @param cost        how purchases and energy are paid for
     * @param calibration serving-stack profiles
     */
    public Simulator(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost,
                     ServingCalibration calibration) {
        this.estimator = new Estimator(hardware, links, cost, calibration);
        this.runner = new SimulationRunner(cost, new StepCostTables());
    }

    /**
     * Runs one simulation.
     *
     * @param spec the run
     * @return what it measured
     * @throws org.splitinfer.core.error.SplitInferException when the deployment cannot serve the model or the
     *                                                       workload cannot be read
     */
    public SimulationResult run(SimulationSpec spec) {
        return run(spec, null);
    }

    /**
     * Runs one simulation, reporting progress.
     *
     * @param spec     the run
     * @param progress told how many requests have ended, about every 1% of a request-limited run; may be null
     * @return what it measured
     */
    public SimulationResult run(SimulationSpec spec, LongConsumer progress) {
        if (spec.limit().byTime() && spec.workload().meanRequestsPerSecond().isEmpty()) {
            // every request of a backlog arrives at time 0, so time would never reach the limit
            throw new SplitInferException("workload '" + spec.workload().name() + "' is an offline backlog: limit the"
                    + " run by run.requests, not run.duration", null, List.of("run.requests", "run.duration"));
        }
        return runner.run(spec, resolve(spec), progress);
    }

    /**
     * Runs independent simulations in parallel, one event loop per run and per thread.
     *
     * @param specs the runs
     * @return their results, in the order of {@code specs}
     */
    public List<SimulationResult> runAll(List<SimulationSpec> specs) {
        List<SimulationSpec> copy = new ArrayList<>(specs);
        for (SimulationSpec spec : copy) {
            resolve(spec);
        }
        SimulationResult[] results = new SimulationResult[copy.size()];
        IntStream.range(0, copy.size()).parallel().forEach(i -> results[i] = run(copy.get(i)));
        return List.of(results);
    }

    /**
     * The pipeline a run simulates, with every choice made.
     *
     * @param spec the run
     * @return the resolved pipeline (cached per model, deployment, sizing and stack)
     */
    public ResolvedPipeline resolve(SimulationSpec spec) {
        WorkloadStats stats = spec.workload().stats();
        Workload sizing = Workload.closedLoop(Math.max(1, Math.round(stats.meanInputTokens())),
                Math.max(1, Math.round(stats.meanOutputTokens())), spec.scheduler().sizingConcurrency());
        return resolved.computeIfAbsent(new Resolution(spec.model(), spec.pipeline(), sizing, spec.software()),
                key -> estimator.resolve(key.model(), key.pipeline(), key.sizing(), key.software()));
    }

    private record Resolution(ModelSpec model, PipelineSpec pipeline, Workload sizing, String software) {
    }
}
