package org.splitinfer.core.cost;

import org.splitinfer.core.kernel.StepWork;

/**
 * What one phase step costs on one pool instance.
 *
 * @param work               the kernels and collectives of the heaviest stage
 * @param kernelLatencySeconds  the plugin's step latency through every pipeline stage (kernels only)
 * @param kernelIntervalSeconds the plugin's steady-state interval between steps (kernels only)
 * @param collectiveSeconds  time of the stage's collectives (tensor-parallel all-reduces, expert all-to-alls)
 * @param pipelineSendSeconds time of one activation hand-off between two stages
 * @param latencySeconds     the step's latency: kernels, every stage's collectives and every stage boundary
 * @param intervalSeconds    time between steps with the pipeline kept full: one stage's kernels and collectives
 */
public record StepCost(StepWork work, double kernelLatencySeconds, double kernelIntervalSeconds,
                       double collectiveSeconds, double pipelineSendSeconds, double latencySeconds,
                       double intervalSeconds) {

    /**
     * One iteration of a batch split into micro-batches that follow each other through the pipeline's stages: the
     * first one's latency, or each micro-batch's interval in turn, whichever is longer; the serving stack's fixed
     * per-step overhead (its scheduler, sampling, host or network work) is paid once per iteration, not per
     * micro-batch. With one micro-batch this is {@code max(latency, interval)}.
     *
     * @param latencySeconds  one micro-batch's step latency
     * @param intervalSeconds one micro-batch's interval, overhead included
     * @param microBatches    micro-batches, {@code >= 1}
     * @param overheadSeconds the stack's per-step overhead inside the interval
     * @return seconds
     */
    public static double iterationSeconds(double latencySeconds, double intervalSeconds, int microBatches,
                                          double overheadSeconds) {
        double work = Math.max(0, intervalSeconds - overheadSeconds);
        return Math.max(latencySeconds, microBatches * work + overheadSeconds);
    }

    /**
     * One iteration of a speculative decoding: each micro-batch's verification of {@code k + 1} tokens per sequence
     * and its {@code k} draft passes, as {@link #iterationSeconds} of their sums. The draft's passes carry no stack
     * overhead of their own (it is paid once per iteration, inside the verification's interval). The one formula the
     * estimator, the simulator and the planner share.
     *
     * @param verify       one micro-batch's verification step
     * @param pass         one micro-batch's draft pass
     * @param proposals    tokens the draft proposes per iteration, {@code k}
     * @param microBatches micro-batches, {@code >= 1}
     * @param overheadSeconds the stack's per-step overhead inside the verification's interval
     * @return seconds
     */
    public static double speculativeIterationSeconds(StepCost verify, StepCost pass, int proposals, int microBatches,
                                                     double overheadSeconds) {
        return speculativeIterationSeconds(verify.latencySeconds(), verify.intervalSeconds(), pass.latencySeconds(),
                pass.intervalSeconds(), proposals, microBatches, overheadSeconds);
    }

    /**
     * {@link #speculativeIterationSeconds(StepCost, StepCost, int, int, double)} of tabulated times.
     *
     * @param verifyLatencySeconds  one micro-batch's verification latency
     * @param verifyIntervalSeconds its interval
     * @param passLatencySeconds    one micro-batch's draft-pass latency
     * @param passIntervalSeconds   its interval
     * @param proposals             tokens the draft proposes per iteration
     * @param microBatches          micro-batches, {@code >= 1}
     * @param overheadSeconds       the stack's per-step overhead
     * @return seconds
     */
    public static double speculativeIterationSeconds(double verifyLatencySeconds, double verifyIntervalSeconds,
                                                     double passLatencySeconds, double passIntervalSeconds,
                                                     int proposals, int microBatches, double overheadSeconds) {
        return iterationSeconds(verifyLatencySeconds + proposals * passLatencySeconds,
                verifyIntervalSeconds + proposals * passIntervalSeconds, microBatches, overheadSeconds);
    }
}
