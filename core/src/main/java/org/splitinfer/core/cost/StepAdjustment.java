package org.splitinfer.core.cost;

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
 */
public record StepAdjustment(double kernelEfficiency, double stepOverheadSeconds, double collectiveStepSeconds,
                             double prefillKernelEfficiency) {
    /** The plain hardware model. */
    public static final StepAdjustment NONE = new StepAdjustment(1, 0, 0);

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
        if (!(stepOverheadSeconds >= 0) || !(collectiveStepSeconds >= 0)) {
            throw new IllegalArgumentException("overheads must be >= 0, got " + stepOverheadSeconds + " and "
                    + collectiveStepSeconds);
        }
    }
}
