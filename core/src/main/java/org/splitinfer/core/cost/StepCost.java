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
}
