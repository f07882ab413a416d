package org.splitinfer.core.plan;

import java.util.List;
import java.util.Optional;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.sim.Bottleneck;
import org.splitinfer.core.sim.SimulationResult;

/**
 * One candidate deployment and its figures at the planned load: from the simulator when it was verified, else the
 * planner's estimate (queueing approximated).
 *
 * @param pipeline                 the deployment, every count and layout explicit (a pipeline file can hold it)
 * @param kind                     split or colocated
 * @param prefillHardware          the prefill (or colocated) pool's chip
 * @param decodeHardware           the decode (or colocated) pool's chip
 * @param chips                    chips of all pools
 * @param ttftP90Seconds           90th-percentile time to first token, queueing included (unverified: the estimate's
 *                                 mean)
 * @param tpotP90Seconds           90th-percentile time per output token (unverified: the estimate's mean)
 * @param sloAttainment            share of requests meeting the objective (0 when not verified: only a simulation
 *                                 measures it)
 * @param goodputRequestsPerSecond requests per second meeting the objective (0 when not verified)
 * @param usdPerMillionTokens      dollars per million output tokens at the planned load
 * @param tokensPerJoule           output tokens per joule of wall power at the planned load
 * @param wallKilowatts            wall power at the planned load
 * @param usdPerHour               what the deployment costs per hour
 * @param bottleneck               what limits it (verified), or empty
 * @param chipStatuses             each chip kind's status and assumed figures
 * @param verified                 whether the figures come from the simulator
 * @param misses                   what it falls short of; empty when it meets the objective and the budgets
 * @param simulation               the run that verified it, when it was
 * @since 0.1
 */
public record PlannedDeployment(PipelineSpec pipeline, PipelineKind kind, String prefillHardware,
                                String decodeHardware, int chips, double ttftP90Seconds, double tpotP90Seconds,
                                double sloAttainment, double goodputRequestsPerSecond, double usdPerMillionTokens,
                                double tokensPerJoule, double wallKilowatts, double usdPerHour,
                                Optional<Bottleneck> bottleneck, List<ChipStatus> chipStatuses, boolean verified,
                                List<Miss> misses, Optional<SimulationResult> simulation) {
    /** Copies the lists. */
    public PlannedDeployment {
        chipStatuses = List.copyOf(chipStatuses);
        misses = List.copyOf(misses);
    }

    /** @return whether it meets the objective and every budget */
    public boolean meets() {
        return misses.isEmpty();
    }

    /** @return whether the two phases run on different chips */
    public boolean heterogeneous() {
        return !prefillHardware.equals(decodeHardware);
    }
}
