package org.splitinfer.spi;

/**
 * How long a step takes, as a latency and as a steady-state interval.
 *
 * @param latencySeconds  time from the step's start to its last result, through every pipeline stage, {@code >= 0}
 * @param intervalSeconds time between the starts of successive steps when the pipeline is kept full
 *                        (the slowest stage for a pipeline with micro-batches in flight; the latency when nothing
 *                        overlaps), {@code > 0} unless the latency is 0, and never above the latency
 * @since 0.1
 */
public record StepTiming(double latencySeconds, double intervalSeconds) {
    /** Validates the fields. */
    public StepTiming {
        Names.requireNonNegativeFinite("step latencySeconds", latencySeconds);
        Names.requireNonNegativeFinite("step intervalSeconds", intervalSeconds);
        if (intervalSeconds > latencySeconds * (1 + 1e-12)) {
            throw new IllegalArgumentException("step intervalSeconds " + intervalSeconds
                    + " exceeds latencySeconds " + latencySeconds);
        }
    }
}
