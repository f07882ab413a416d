package org.splitinfer.core.cost;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Phase;

/**
 * What a serving stack adds to the hardware's step model, as the step coster applies it: the stack's profile on the
 * chip's family (its kernel efficiencies, fixed cost per step, host cost per decoded sequence, ring-collective latency,
 * time per decoder layer and attention's ceiling, all fitted by the calibration) and the family's latency per
 * collective step beyond the interconnect model.
 *
 * @param stack                 the stack's profile on the chip's family
 * @param collectiveStepSeconds seconds per collective step beyond the interconnect model, {@code >= 0}
 */
public record StepAdjustment(StackProfile stack, double collectiveStepSeconds) {
    /** The plain hardware model. */
    public static final StepAdjustment NONE = new StepAdjustment(StackProfile.IDEAL, 0);

    /** Validates the fields. */
    public StepAdjustment {
        if (stack == null) {
            throw new IllegalArgumentException("a step adjustment needs a stack profile");
        }
        if (!(collectiveStepSeconds >= 0) || Double.isInfinite(collectiveStepSeconds)) {
            throw new IllegalArgumentException("collectiveStepSeconds must be finite and >= 0, got "
                    + collectiveStepSeconds);
        }
    }

    /**
     * One kernel efficiency for both phases, no cost per sequence, no ring collectives.
     *
     * @param kernelEfficiency      fraction of the plugin's kernel speed the stack reaches, in (0, 1]
     * @param stepOverheadSeconds   fixed seconds per step, {@code >= 0}
     * @param collectiveStepSeconds seconds per collective step beyond the interconnect model, {@code >= 0}
     */
    public StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds) {
        this(new StackProfile(kernelEfficiency, stepOverheadSeconds), collectiveStepSeconds);
    }

    /**
     * @param phase a step's phase
     * @return the fraction of the plugin's kernel speed the stack reaches in that phase's steps
     */
    public double kernelEfficiency(Phase phase) {
        return phase == Phase.PREFILL ? stack.prefillKernelEfficiency() : stack.kernelEfficiency();
    }

    /** @return the stack's fixed seconds per step */
    public double stepOverheadSeconds() {
        return stack.stepOverheadSeconds();
    }

    /** @return seconds a decode step adds per sequence in it */
    public double sequenceSeconds() {
        return stack.sequenceSeconds();
    }

    /** @return seconds each dependent step of a ring collective adds */
    public double ringStepSeconds() {
        return stack.ringStepSeconds();
    }

    /** @return seconds the stack's program adds for each decoder layer a step runs through */
    public double layerSeconds() {
        return stack.layerSeconds();
    }

    /** @return the most of the chip's peak compute the stack's attention kernel reaches (1: no cap) */
    public double attentionEfficiency() {
        return stack.attentionEfficiency();
    }

    /**
     * The dependent steps of a ring collective: {@code 2(n − 1)} for an all-reduce over n chips, {@code n − 1} for
     * an all-gather, reduce-scatter or all-to-all, none for a point-to-point send.
     *
     * @param collective the communication (one invocation)
     * @return steps, {@code >= 0}
     */
    public static int ringSteps(Collective collective) {
        int n = collective.participants();
        if (CollectiveKind.SEND_RECV.equals(collective.kind()) || n <= 1) {
            return 0;
        }
        return CollectiveKind.ALL_REDUCE.equals(collective.kind()) ? 2 * (n - 1) : n - 1;
    }
}
