package org.splitinfer.core.estimate;

import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.internal.estimate.EstimateEngine;
import org.splitinfer.core.model.ModelSpec;

/**
 * The closed-form phase estimator: for a model, a pipeline and a workload, the latency, throughput, energy and
 * cost of the deployment, from the installed plugins' step models. Thread-safe; each call is independent.
 *
 * <pre>{@code
 * Estimator estimator = new Estimator(registry, LinkCatalog.builtIn(), CostAssumptions.DEFAULT);
 * Estimate e = estimator.estimate(catalog.get("llama-3.1-70b"),
 *         new PipelineSpec.Split(PoolSpec.of("h100-sxm", 8), PoolSpec.of("groq-lpu-v1", PoolSpec.AUTO), null, false),
 *         new Workload(2000, 300, 32));
 * }</pre>
 */
public final class Estimator {
    private final EstimateEngine engine;

    /**
     * @param hardware the installed accelerators
     * @param links    KV link types
     * @param cost     how purchases and energy are paid for
     */
    public Estimator(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost) {
        this.engine = new EstimateEngine(hardware, links, cost);
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
        return engine.estimate(model, pipeline, workload);
    }
}
