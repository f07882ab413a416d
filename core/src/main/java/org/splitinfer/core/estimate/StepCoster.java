package org.splitinfer.core.estimate;

import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.StepTiming;

/**
 * Prices phase steps of one model on one chip kind: the one engine the estimator, the simulator and the planner
 * share.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>The {@link KernelPlanner} gives the heaviest pipeline stage's kernels and collectives; the plugin's
 *       {@link org.splitinfer.spi.Roofline#stepTiming} turns the kernels into a latency through all stages and a
 *       steady-state interval (a family overrides it for what is not a sum: LPU hops, wafer fabric latency, RDU
 *       dataflow fusion).</li>
 *   <li>Collectives are priced by the plugin's {@link org.splitinfer.spi.Interconnect} and not overlapped with
 *       compute (the serving stacks this is calibrated against run tensor-parallel all-reduces on the critical
 *       path). Every stage runs the same collectives, so the latency adds {@code pipeline × collectives} and the
 *       interval one stage's; the {@code pipeline − 1} stage boundaries each add one activation send to the
 *       latency only, unless the family's step model already prices its hand-offs
 *       ({@link org.splitinfer.spi.Roofline#stepTimingIncludesStageHandOffs()}).</li>
 *   <li>latency = kernelLatency + pipeline × collectives + (pipeline − 1) × send;
 *       interval = kernelInterval + collectives.</li>
 * </ul>
 * Immutable and thread-safe; the result depends only on the arguments, so callers may cache it.
 */
public final class StepCoster {
    private final Accelerator accelerator;
    private final KernelPlanner planner;

    /**
     * @param accelerator the chip
     * @param model       the model
     * @param precision   its formats
     */
    public StepCoster(Accelerator accelerator, ModelSpec model, ModelPrecision precision) {
        this.accelerator = accelerator;
        this.planner = new KernelPlanner(model, precision);
    }

    /** @return the chip */
    public Accelerator accelerator() {
        return accelerator;
    }

    /** @return the planner, for the model and precision */
    public KernelPlanner planner() {
        return planner;
    }

    /**
     * The cost of one step.
     *
     * @param batch     the sequences of one instance's step
     * @param layout    the instance's layout
     * @param residency where operands live (from the memory model's placement)
     * @return the cost
     */
    public StepCost cost(StepBatch batch, ParallelLayout layout, Residency residency) {
        StepWork work = planner.plan(batch, layout);
        StepTiming timing = accelerator.roofline().stepTiming(work.toStep(residency));
        double collectives = 0;
        double send = 0;
        for (Collective collective : work.collectives()) {
            double seconds = accelerator.interconnect().collectiveSeconds(collective);
            if (collective.kind().equals(CollectiveKind.SEND_RECV)) {
                send += seconds;
            } else {
                collectives += seconds;
            }
        }
        int stages = layout.pipeline();
        if (accelerator.roofline().stepTimingIncludesStageHandOffs()) {
            send = 0;
        }
        double latency = timing.latencySeconds() + stages * collectives + (stages - 1) * send;
        double interval = timing.intervalSeconds() + collectives;
        return new StepCost(work, timing.latencySeconds(), timing.intervalSeconds(), collectives, send, latency,
                interval);
    }
}
