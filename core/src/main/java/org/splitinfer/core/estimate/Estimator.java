package org.splitinfer.core.estimate;

import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.estimate.internal.EstimateEngine;
import org.splitinfer.core.model.ModelSpec;

/**
 * The closed-form phase estimator: for a model, a pipeline and a workload, the latency, throughput, energy and
 * cost of the deployment, from the installed plugins' step models. Thread-safe; each call is independent.
 *
 * <pre>{@code
 * Estimator estimator = new Estimator(registry, LinkCatalog.builtIn(), CostAssumptions.DEFAULT);
 * Estimate e = estimator.estimate(catalog.get("llama-3.1-70b"),
 *         new PipelineSpec.Split(PoolSpec.of("h100-sxm", 8), PoolSpec.auto("groq-lpu-v1"), null, false),
 *         Workload.closedLoop(2000, 300, 32));
 * }</pre>
 */
public final class Estimator {
    private final EstimateEngine engine;
    private final CostAssumptions cost;

    /**
     * @param hardware the installed accelerators
     * @param links    KV link types
     * @param cost     how purchases and energy are paid for
     */
    public Estimator(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost) {
        this(hardware, links, cost, ServingCalibration.shipped());
    }

    /**
     * @param hardware    the installed accelerators
     * @param links       KV link types
     * @param cost        how purchases and energy are paid for
     * @param calibration serving-stack profiles ({@link ServingCalibration#shipped()}, or
     *                    {@link ServingCalibration#NONE} for the plain hardware model)
     */
    public Estimator(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost,
                     ServingCalibration calibration) {
        this.engine = new EstimateEngine(hardware, links, cost, calibration);
        this.cost = cost;
    }

    /**
     * Estimates a deployment.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @return the estimate
     * @throws EstimateException when the deployment cannot serve the model as given (one sentence, with the fix)
     * @throws org.splitinfer.core.hardware.UnknownAcceleratorException for an unknown hardware id
     * @throws org.splitinfer.spi.UnsupportedPrecisionException when a chip cannot compute in the chosen format
     */
    public Estimate estimate(ModelSpec model, PipelineSpec pipeline, Workload workload) {
        return engine.estimate(model, pipeline, workload, null);
    }

    /**
     * Estimates a deployment served by a named stack, whose fitted profile applies (the unknown-stack profile when
     * the calibration does not know it).
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack, e.g. {@code tensorrt-llm}, {@code vllm}; null for none
     * @return the estimate
     */
    public Estimate estimate(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        return engine.estimate(model, pipeline, workload, software);
    }

    /**
     * Makes every choice a deployment leaves open, as {@link #estimate} does before it prices anything: formats,
     * chips per instance (sized for the workload's requests in flight), layouts, the KV link. The simulator runs
     * what this returns.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests that size {@code auto} pools
     * @param software the serving stack whose fitted profile applies, or null for the unknown-stack profile
     * @return the resolved pipeline
     * @throws EstimateException when the deployment cannot serve the model as given
     */
    public ResolvedPipeline resolve(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        return engine.resolve(model, pipeline, workload, software);
    }

    /**
     * Makes every choice one pool leaves open, as {@link #resolve} does for each pool of a pipeline.
     *
     * @param model    the model
     * @param pool     the pool
     * @param role     what it runs: its layout is the fastest for that role
     * @param workload the requests that size an {@code auto} pool
     * @param software the serving stack whose fitted profile applies, or null
     * @return the resolved pool
     * @throws EstimateException when the pool cannot serve the model as given
     */
    public ResolvedPool resolvePool(ModelSpec model, PoolSpec pool, PoolRole role, Workload workload,
                                    String software) {
        return engine.resolvePool(model, pool, role, workload, software);
    }

    /** @return how purchases and energy are paid for */
    public CostAssumptions cost() {
        return cost;
    }
}
