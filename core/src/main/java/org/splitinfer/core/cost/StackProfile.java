package org.splitinfer.core.cost;

/**
 * What one serving stack (TensorRT-LLM, vLLM, a vendor's API...) adds to the hardware model.
 *
 * <p>Its kernel efficiency may differ by phase: prefill's kernels are compute-bound GEMMs and attention, which a
 * stack drives at its own fraction of the matrix units' peak; decode's stream weights and KV cache, at its fraction
 * of the memory's bandwidth (tt-metal reaches about a third of the one and two thirds of the other). Its host work
 * may grow with the batch: a decode step pays {@code sequenceSeconds} for each sequence in it (sampling, the
 * scheduler's bookkeeping, detokenization in the serving loop), on top of the fixed per-step overhead. Its program may
 * add a time per decoder layer that no kernel's work explains: {@code layerSeconds} for each layer a step runs through
 * (a statically scheduled compiler's synchronisation per layer on an LPU, where Groq's measured pace is about 42 µs a
 * layer for an 8B and a 70B model alike while the modelled work of a layer is a few µs). Its fused attention kernel
 * may reach a lower fraction of the chip's peak than its matrix products when compute-bound (long prompts), because
 * the softmax, the masking and the online rescaling run beside the matrix units, not in them:
 * {@code attentionEfficiency} caps an attention kernel's compute at that fraction of the chip's peak (Tenstorrent's
 * FlashAttention report finds its Wormhole op "bound by matmul or softmax computation" and lists hiding the softmax as
 * future work).
 *
 * @param kernelEfficiency        fraction of the plugin's kernel speed the stack reaches in decode steps, and in
 *                                prefill steps too unless {@code prefillKernelEfficiency} differs, in (0, 1]
 * @param stepOverheadSeconds     fixed seconds per step (scheduling, sampling, host work), {@code >= 0}
 * @param prefillKernelEfficiency the same fraction in prefill steps, in (0, 1]
 * @param sequenceSeconds         seconds a decode step adds per sequence in it, {@code >= 0}
 * @param ringStepSeconds         seconds each dependent step of a ring collective adds, for a stack whose
 *                                collectives run as rings (NCCL before custom all-reduce kernels): {@code 2(n − 1)}
 *                                steps for an all-reduce over n chips, {@code n − 1} for the others; {@code >= 0}
 * @param layerSeconds            seconds the stack's program adds for each decoder layer a step runs through,
 *                                {@code >= 0}
 * @param attentionEfficiency     the most of the chip's peak compute (in the kernel's format) the stack's attention
 *                                kernel reaches, in (0, 1]: an attention kernel takes at least its FLOPs ÷ (peak ×
 *                                this), whatever the phase's kernel efficiency makes of it; 1 caps nothing
 */
public record StackProfile(double kernelEfficiency, double stepOverheadSeconds, double prefillKernelEfficiency,
                           double sequenceSeconds, double ringStepSeconds, double layerSeconds,
                           double attentionEfficiency) {
    /** The plain hardware model. */
    public static final StackProfile IDEAL = new StackProfile(1, 0);

    /**
     * One kernel efficiency for both phases.
     *
     * @param kernelEfficiency    fraction of the plugin's kernel speed the stack reaches, in (0, 1]
     * @param stepOverheadSeconds fixed seconds per step, {@code >= 0}
     */
    public StackProfile(double kernelEfficiency, double stepOverheadSeconds) {
        this(kernelEfficiency, stepOverheadSeconds, kernelEfficiency, 0, 0, 0, 1);
    }

    /** Validates the bounds. */
    public StackProfile {
        if (!(kernelEfficiency > 0 && kernelEfficiency <= 1)) {
            throw new IllegalArgumentException("kernelEfficiency must be in (0, 1], got " + kernelEfficiency);
        }
        if (!(prefillKernelEfficiency > 0 && prefillKernelEfficiency <= 1)) {
            throw new IllegalArgumentException("prefillKernelEfficiency must be in (0, 1], got "
                    + prefillKernelEfficiency);
        }
        if (!(stepOverheadSeconds >= 0)) {
            throw new IllegalArgumentException("stepOverheadSeconds must be >= 0, got " + stepOverheadSeconds);
        }
        if (!(sequenceSeconds >= 0) || Double.isInfinite(sequenceSeconds)) {
            throw new IllegalArgumentException("sequenceSeconds must be finite and >= 0, got " + sequenceSeconds);
        }
        if (!(ringStepSeconds >= 0) || Double.isInfinite(ringStepSeconds)) {
            throw new IllegalArgumentException("ringStepSeconds must be finite and >= 0, got " + ringStepSeconds);
        }
        if (!(layerSeconds >= 0) || Double.isInfinite(layerSeconds)) {
            throw new IllegalArgumentException("layerSeconds must be finite and >= 0, got " + layerSeconds);
        }
        if (!(attentionEfficiency > 0 && attentionEfficiency <= 1)) {
            throw new IllegalArgumentException("attentionEfficiency must be in (0, 1], got " + attentionEfficiency);
        }
    }

    /** @return whether prefill steps run at another efficiency than decode steps */
    public boolean phaseSplit() {
        return prefillKernelEfficiency != kernelEfficiency;
    }

    /**
     * A copy at another step overhead, the rest kept.
     *
     * @param seconds fixed seconds per step, {@code >= 0}
     * @return the copy
     */
    public StackProfile withStepOverheadSeconds(double seconds) {
        return new StackProfile(kernelEfficiency, seconds, prefillKernelEfficiency, sequenceSeconds, ringStepSeconds,
                layerSeconds, attentionEfficiency);
    }

    /**
     * A copy whose prefill steps run at their own efficiency, the rest kept.
     *
     * @param efficiency fraction of the plugin's kernel speed in prefill steps, in (0, 1]
     * @return the copy
     */
    public StackProfile withPrefillKernelEfficiency(double efficiency) {
        return new StackProfile(kernelEfficiency, stepOverheadSeconds, efficiency, sequenceSeconds, ringStepSeconds,
                layerSeconds, attentionEfficiency);
    }

    /**
     * A copy with a host cost per decoded sequence, the rest kept.
     *
     * @param seconds seconds a decode step adds per sequence in it, {@code >= 0}
     * @return the copy
     */
    public StackProfile withSequenceSeconds(double seconds) {
        return new StackProfile(kernelEfficiency, stepOverheadSeconds, prefillKernelEfficiency, seconds,
                ringStepSeconds, layerSeconds, attentionEfficiency);
    }

    /**
     * A copy whose collectives run as rings at this latency per step, the rest kept.
     *
     * @param seconds seconds each dependent step of a ring collective adds, {@code >= 0}
     * @return the copy
     */
    public StackProfile withRingStepSeconds(double seconds) {
        return new StackProfile(kernelEfficiency, stepOverheadSeconds, prefillKernelEfficiency, sequenceSeconds,
                seconds, layerSeconds, attentionEfficiency);
    }

    /**
     * A copy whose program adds this time per decoder layer, the rest kept.
     *
     * @param seconds seconds per decoder layer a step runs through, {@code >= 0}
     * @return the copy
     */
    public StackProfile withLayerSeconds(double seconds) {
        return new StackProfile(kernelEfficiency, stepOverheadSeconds, prefillKernelEfficiency, sequenceSeconds,
                ringStepSeconds, seconds, attentionEfficiency);
    }

    /**
     * A copy whose attention kernels reach at most this fraction of the chip's peak compute, the rest kept.
     *
     * @param efficiency the most of the chip's peak an attention kernel reaches, in (0, 1]
     * @return the copy
     */
    public StackProfile withAttentionEfficiency(double efficiency) {
        return new StackProfile(kernelEfficiency, stepOverheadSeconds, prefillKernelEfficiency, sequenceSeconds,
                ringStepSeconds, layerSeconds, efficiency);
    }
}
