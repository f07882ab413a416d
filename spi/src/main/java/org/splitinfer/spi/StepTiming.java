package org.splitinfer.spi;

/**
 * How long a step takes, as a latency and as a steady-state interval, and how much of each is hardware latency.
 *
 * <p>The hardware-latency parts are the time set by the machine's own delays, which no serving software makes
 * shorter: fabric and chip-to-chip hops, synchronisation barriers of a static schedule, reloading weights into
 * compute tiles. The host scales only the rest (the kernels' work) by a serving stack's fitted kernel efficiency, so
 * a stack's profile never stretches a hop. A family whose step is a plain sum of kernels has none (both 0).
 *
 * @param latencySeconds         time from the step's start to its last result, through every pipeline stage,
 *                               {@code >= 0}
 * @param intervalSeconds        time between the starts of successive steps when the pipeline is kept full (the
 *                               slowest stage for a pipeline with micro-batches in flight; the latency when nothing
 *                               overlaps), {@code > 0} unless the latency is 0, and never above the latency
 * @param hardwareLatencySeconds the part of {@code latencySeconds} that is hardware latency, in
 *                               {@code [0, latencySeconds]}
 * @param hardwareIntervalSeconds the part of {@code intervalSeconds} that is hardware latency, in
 *                               {@code [0, intervalSeconds]}
 * @since 0.1 (the hardware parts since SPI 1.1)
 */
public record StepTiming(double latencySeconds, double intervalSeconds, double hardwareLatencySeconds,
                         double hardwareIntervalSeconds) {
    /** Validates the fields. */
    public StepTiming {
        Names.requireNonNegativeFinite("step latencySeconds", latencySeconds);
        Names.requireNonNegativeFinite("step intervalSeconds", intervalSeconds);
        Names.requireNonNegativeFinite("step hardwareLatencySeconds", hardwareLatencySeconds);
        Names.requireNonNegativeFinite("step hardwareIntervalSeconds", hardwareIntervalSeconds);
        if (intervalSeconds > latencySeconds * (1 + 1e-12)) {
            throw new IllegalArgumentException("step intervalSeconds " + intervalSeconds
                    + " exceeds latencySeconds " + latencySeconds);
        }
        if (hardwareLatencySeconds > latencySeconds * (1 + 1e-12)
                || hardwareIntervalSeconds > intervalSeconds * (1 + 1e-12)) {
            throw new IllegalArgumentException("step hardware latency " + hardwareLatencySeconds + " and interval "
                    + hardwareIntervalSeconds + " must not exceed the step's latency " + latencySeconds
                    + " and interval " + intervalSeconds);
        }
    }

    /**
     * A step with no hardware latency of its own: all of it is kernel work.
     *
     * @param latencySeconds  see the record
     * @param intervalSeconds see the record
     * @since 0.1
     */
    public StepTiming(double latencySeconds, double intervalSeconds) {
        this(latencySeconds, intervalSeconds, 0, 0);
    }

    /** @return the latency that is kernel work, which a serving stack's efficiency scales */
    public double workLatencySeconds() {
        return Math.max(0, latencySeconds - hardwareLatencySeconds);
    }

    /** @return the interval that is kernel work, which a serving stack's efficiency scales */
    public double workIntervalSeconds() {
        return Math.max(0, intervalSeconds - hardwareIntervalSeconds);
    }
}
