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
}
