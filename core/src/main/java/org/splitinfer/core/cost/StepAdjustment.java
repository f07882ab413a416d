package org.splitinfer.core.cost;

import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Phase;

/**
 * What a serving stack adds to the hardware's step model, as fitted by the calibration: the fraction of the modelled
 * kernel speed it reaches, a fixed cost per step (scheduling, sampling, launches the plugin does not see), and a
 * latency per collective step that grows with the parallel degree (a ring all-reduce over n chips takes 2(n−1)
 * steps, an all-gather, reduce-scatter or all-to-all n−1).
 *
 * @param kernelEfficiency        fraction of the plugin's kernel speed the stack reaches in decode steps, in (0, 1]
 * @param stepOverheadSeconds     fixed seconds per step, {@code >= 0}
 * @param collectiveStepSeconds   seconds per collective step beyond the interconnect model, {@code >= 0}
 * @param prefillKernelEfficiency the same fraction in prefill steps, in (0, 1] ({@link StackProfile})
 * @param sequenceSeconds         seconds a decode step adds per sequence in it, {@code >= 0}
 * @param ringStepSeconds         seconds each dependent step of a ring collective adds ({@link StackProfile}),
 *                                {@code >= 0}
 */
public record StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds,
                             double prefillKernelEfficiency, double sequenceSeconds, double ringStepSeconds) {
    /** The plain hardware model. */
    public static final StepAdjustment NONE = new StepAdjustment(1, 0, 0);

    /**
     * No cost per sequence.
     *
     * @param kernelEfficiency        fraction of the plugin's kernel speed in decode steps, in (0, 1]
     * @param stepOverheadSeconds     fixed seconds per step, {@code >= 0}
     * @param collectiveStepSeconds   seconds per collective step beyond the interconnect model, {@code >= 0}
     * @param prefillKernelEfficiency the same fraction in prefill steps, in (0, 1]
     */
    public StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds,
                          double prefillKernelEfficiency) {
        this(kernelEfficiency, stepOverheadSeconds, collectiveStepSeconds, prefillKernelEfficiency, 0, 0);
    }

    /**
     * No ring collectives.
     *
     * @param kernelEfficiency        fraction of the plugin's kernel speed in decode steps, in (0, 1]
     * @param stepOverheadSeconds     fixed seconds per step, {@code >= 0}
     * @param collectiveStepSeconds   seconds per collective step beyond the interconnect model, {@code >= 0}
     * @param prefillKernelEfficiency the same fraction in prefill steps, in (0, 1]
     * @param sequenceSeconds         seconds a decode step adds per sequence in it, {@code >= 0}
     */
    public StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds,
                          double prefillKernelEfficiency, double sequenceSeconds) {
        this(kernelEfficiency, stepOverheadSeconds, collectiveStepSeconds, prefillKernelEfficiency, sequenceSeconds,
                0);
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

    /**
     * One kernel efficiency for both phases.
     *
     * @param kernelEfficiency      fraction of the plugin's kernel speed the stack reaches, in (0, 1]
     * @param stepOverheadSeconds   fixed seconds per step, {@code >= 0}
     * @param collectiveStepSeconds seconds per collective step beyond the interconnect model, {@code >= 0}
     */
    public StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds) {
        this(kernelEfficiency, stepOverheadSeconds, collectiveStepSeconds, kernelEfficiency);
    }

    /**
     * @param phase a step's phase
     * @return the kernel efficiency of that phase's steps
     */
    public double kernelEfficiency(Phase phase) {
        return phase == Phase.PREFILL ? prefillKernelEfficiency : kernelEfficiency;
    }

    /** Validates the bounds. */
    public StepAdjustment {
        if (!(kernelEfficiency > 0 && kernelEfficiency <= 1)) {
            throw new IllegalArgumentException("kernelEfficiency must be in (0, 1], got " + kernelEfficiency);
        }
        if (!(prefillKernelEfficiency > 0 && prefillKernelEfficiency <= 1)) {
            throw new IllegalArgumentException("prefillKernelEfficiency must be in (0, 1], got "
                    + prefillKernelEfficiency);
        }
        if (!(sequenceSeconds >= 0) || Double.isInfinite(sequenceSeconds)) {
            throw new IllegalArgumentException("sequenceSeconds must be finite and >= 0, got " + sequenceSeconds);
        }
        if (!(ringStepSeconds >= 0) || Double.isInfinite(ringStepSeconds)) {
            throw new IllegalArgumentException("ringStepSeconds must be finite and >= 0, got " + ringStepSeconds);
        }
        if (!(stepOverheadSeconds >= 0) || !(collectiveStepSeconds >= 0)) {
            throw new IllegalArgumentException("overheads must be >= 0, got " + stepOverheadSeconds + " and "
                    + collectiveStepSeconds);
        }
    }
}
