package org.splitinfer.spi;

import java.util.List;

/**
 * How long kernels and steps take on one chip.
 *
 * <p>A kernel's time is never below its roofline bound
 * {@code max(FLOPs ÷ peak(precision), Σ bytes(class) ÷ bandwidth(tier of class))} times its count; a family adds
 * what the plain roofline misses (achievable fractions, launch cost, per-layer latency). The compatibility kit
 * checks the bound and monotonicity in FLOPs and bytes.
 *
 * @since 0.1
 */
public interface Roofline {

    /**
     * The formats the chip's compute runs natively, in a stable order.
     *
     * @return non-empty list
     * @since 0.1
     */
    List<Precision> computePrecisions();

    /**
     * Dense (not sparse) peak throughput in a format.
     *
     * @param precision the arithmetic format
     * @return operations per second, {@code > 0}
     * @throws UnsupportedPrecisionException if the chip cannot compute in that format
     * @since 0.1
     */
    double peakFlopsPerSecond(Precision precision);

    /**
     * Time of all {@link Kernel#count()} invocations of a kernel on one chip.
     *
     * @param kernel    the work
     * @param residency where its operands live (tier names of the chip's {@link MemoryModel})
     * @return seconds, finite and {@code >= 0}
     * @throws UnsupportedPrecisionException if the kernel's precision cannot run here
     * @throws IllegalArgumentException if the residency names a tier the chip lacks
     * @since 0.1
     */
    double kernelSeconds(Kernel kernel, Residency residency);

    /**
     * Time of a whole step. The default is the sum of the kernels' times for one stage, and the stages in
     * sequence for the latency ({@code stage × pipeline}) with one stage as the steady-state interval.
     * A family overrides it for what is not a sum: dataflow fusion, pipelines over chips, per-hop latency.
     *
     * @param step the step
     * @return latency and interval
     * @since 0.1
     */
    default StepTiming stepTiming(Step step) {
        // The hand-offs between stages are not part of this default: the host prices them with the chip's
        // Interconnect (see stepTimingIncludesStageHandOffs).
        double stageSeconds = 0;
        for (Kernel kernel : step.kernels()) {
            stageSeconds += kernelSeconds(kernel, step.residency());
        }
        return new StepTiming(stageSeconds * step.layout().pipeline(), stageSeconds);
    }

    /**
     * Whether {@link #stepTiming} already includes the hand-offs between pipeline stages (hop latency and the
     * activations sent across each boundary). When false, the default, the host adds {@code pipeline − 1}
     * send-recv transfers priced by the chip's {@link Interconnect}; a family whose step model prices its own
     * chain of chips (an LPU pipeline, wafers joined by system I/O) returns true so nothing is counted twice.
     *
     * @return true when stage hand-offs are inside {@link #stepTiming}
     * @since 0.1
     */
    default boolean stepTimingIncludesStageHandOffs() {
        return false;
    }
}
