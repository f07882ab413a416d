package org.splitinfer.core.sim;

import java.util.List;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.workload.WorkloadSpec;

/**
 * One simulation run: a model on a deployment under traffic.
 *
 * @param model                the model
 * @param pipeline             the deployment
 * @param workload             the traffic
 * @param limit                when the run stops taking requests
 * @param slo                  the latency objective attainment and goodput are measured against
 * @param seed                 the seed of every random stream: the same seed gives byte-identical results
 * @param scheduler            how instances schedule
 * @param software             the serving stack whose fitted profile applies, or null for the unknown-stack profile
 * @param sampleIntervalSeconds simulated seconds between time-series samples, or 0 for none
 * @param allowLongContext     whether requests longer than the model's context window are served; else they are
 *                             turned away ({@link RejectionReason#CONTEXT_WINDOW_EXCEEDED}), as a server refuses a
 *                             prompt past its maximum length
 * @since 0.1
 */
public record SimulationSpec(ModelSpec model, PipelineSpec pipeline, WorkloadSpec workload, RunLimit limit,
                             ServiceLevel slo, long seed, SchedulerSettings scheduler, String software,
                             double sampleIntervalSeconds, boolean allowLongContext) {
    /** Checks that nothing is missing. */
    public SimulationSpec {
        if (model == null || pipeline == null || workload == null || limit == null || slo == null
                || scheduler == null) {
            throw new IllegalArgumentException("a simulation needs a model, a pipeline, a workload, a limit, an SLO"
                    + " and scheduler settings");
        }
        if (!(sampleIntervalSeconds >= 0) || Double.isInfinite(sampleIntervalSeconds)) {
            throw new SplitInferException("timeseries.intervalSeconds must be >= 0 and finite, got "
                    + sampleIntervalSeconds, null, List.of("timeseries.intervalSeconds"));
        }
    }

    /**
     * A run that turns away requests past the model's context window.
     *
     * @param model                 the model
     * @param pipeline              the deployment
     * @param workload              the traffic
     * @param limit                 when the run stops taking requests
     * @param slo                   the objective
     * @param seed                  the seed
     * @param scheduler             how instances schedule
     * @param software              the serving stack, or null
     * @param sampleIntervalSeconds simulated seconds between samples, or 0 for none
     */
    public SimulationSpec(ModelSpec model, PipelineSpec pipeline, WorkloadSpec workload, RunLimit limit,
                          ServiceLevel slo, long seed, SchedulerSettings scheduler, String software,
                          double sampleIntervalSeconds) {
        this(model, pipeline, workload, limit, slo, seed, scheduler, software, sampleIntervalSeconds, false);
    }

    /**
     * A run with the default SLO and scheduler, the unknown-stack profile and no time series.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the traffic
     * @param limit    when to stop taking requests
     * @param seed     the seed
     * @return the spec
     */
    public static SimulationSpec of(ModelSpec model, PipelineSpec pipeline, WorkloadSpec workload, RunLimit limit,
                                    long seed) {
        return new SimulationSpec(model, pipeline, workload, limit, ServiceLevel.DEFAULT, seed,
                SchedulerSettings.DEFAULT, null, 0, false);
    }

    /**
     * @param newSlo the objective
     * @return a copy measured against it
     */
    public SimulationSpec withSlo(ServiceLevel newSlo) {
        return new SimulationSpec(model, pipeline, workload, limit, newSlo, seed, scheduler, software,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * @param newScheduler scheduler settings
     * @return a copy with them
     */
    public SimulationSpec withScheduler(SchedulerSettings newScheduler) {
        return new SimulationSpec(model, pipeline, workload, limit, slo, seed, newScheduler, software,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * @param newSeed the seed
     * @return a copy with it
     */
    public SimulationSpec withSeed(long newSeed) {
        return new SimulationSpec(model, pipeline, workload, limit, slo, newSeed, scheduler, software,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * @param stack the serving stack, or null
     * @return a copy with its profile
     */
    public SimulationSpec withSoftware(String stack) {
        return new SimulationSpec(model, pipeline, workload, limit, slo, seed, scheduler, stack,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * @param seconds simulated seconds between samples, or 0 for none
     * @return a copy sampling at that interval
     */
    public SimulationSpec withSampleInterval(double seconds) {
        return new SimulationSpec(model, pipeline, workload, limit, slo, seed, scheduler, software, seconds, allowLongContext);
    }

    /**
     * @param newLimit when to stop taking requests
     * @return a copy with that limit
     */
    public SimulationSpec withLimit(RunLimit newLimit) {
        return new SimulationSpec(model, pipeline, workload, newLimit, slo, seed, scheduler, software,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * @param newWorkload the traffic
     * @return a copy under it
     */
    public SimulationSpec withWorkload(WorkloadSpec newWorkload) {
        return new SimulationSpec(model, pipeline, newWorkload, limit, slo, seed, scheduler, software,
                sampleIntervalSeconds, allowLongContext);
    }

    /**
     * A run that serves every request, however long, or turns away those past the model's context window.
     *
     * @return a copy that serves requests longer than the model's context window (a stack that extends it, or a
     *         what-if)
     */
    public SimulationSpec allowingLongContext() {
        return new SimulationSpec(model, pipeline, workload, limit, slo, seed, scheduler, software,
                sampleIntervalSeconds, true);
    }
}
