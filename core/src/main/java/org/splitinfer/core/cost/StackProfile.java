package org.splitinfer.core.cost;

/**
 * What one serving stack (TensorRT-LLM, vLLM, a vendor's API...) adds to the hardware model.
 *
 * @param kernelEfficiency    fraction of the plugin's kernel speed the stack reaches, in (0, 1]
 * @param stepOverheadSeconds fixed seconds per step (scheduling, sampling, host work), {@code >= 0}
 */
public record StackProfile(double kernelEfficiency, double stepOverheadSeconds) {
    /** The plain hardware model. */
    public static final StackProfile IDEAL = new StackProfile(1, 0);

    /** Validates the bounds. */
    public StackProfile {
        if (!(kernelEfficiency > 0 && kernelEfficiency <= 1)) {
            throw new IllegalArgumentException("kernelEfficiency must be in (0, 1], got " + kernelEfficiency);
        }
        if (!(stepOverheadSeconds >= 0)) {
            throw new IllegalArgumentException("stepOverheadSeconds must be >= 0, got " + stepOverheadSeconds);
        }
    }
}
