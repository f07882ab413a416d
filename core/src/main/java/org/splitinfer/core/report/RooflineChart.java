package org.splitinfer.core.report;

import java.util.List;

/**
 * What a roofline plot shows: compute ceilings (one per precision), memory slopes (one per tier) and kernels
 * placed at their arithmetic intensity and attained throughput, each sized by its share of the step's time.
 *
 * @param title    the plot's title
 * @param ceilings peak throughput per precision
 * @param slopes   bandwidth per memory tier
 * @param points   kernels to place
 * @param warnings lines to show under the title, each a whole sentence (e.g. that the step does not fit the
 *                 chips it is timed on); empty for none
 * @since 0.1
 */
public record RooflineChart(String title, List<Ceiling> ceilings, List<Slope> slopes, List<Point> points,
                            List<String> warnings) {
    /** Copies the lists and checks there is a roof to draw. */
    public RooflineChart {
        ceilings = List.copyOf(ceilings);
        slopes = List.copyOf(slopes);
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        if (ceilings.isEmpty() || slopes.isEmpty()) {
            throw new IllegalArgumentException("a roofline needs at least one compute ceiling and one memory slope");
        }
    }

    /**
     * A chart without warnings.
     *
     * @param title    the plot's title
     * @param ceilings peak throughput per precision
     * @param slopes   bandwidth per memory tier
     * @param points   kernels to place
     */
    public RooflineChart(String title, List<Ceiling> ceilings, List<Slope> slopes, List<Point> points) {
        this(title, ceilings, slopes, points, List.of());
    }

    /**
     * A horizontal compute roof.
     *
     * @param name           e.g. {@code bf16}
     * @param flopsPerSecond peak, {@code > 0}
     */
    public record Ceiling(String name, double flopsPerSecond) {
    }

    /**
     * A memory slope: attainable FLOP/s = intensity × bandwidth.
     *
     * @param name           e.g. {@code hbm}
     * @param bytesPerSecond bandwidth, {@code > 0}
     */
    public record Slope(String name, double bytesPerSecond) {
    }

    /**
     * A kernel on the plot.
     *
     * @param label          its name
     * @param flopsPerByte   arithmetic intensity, {@code > 0}
     * @param flopsPerSecond attained throughput (FLOPs ÷ modelled time), {@code > 0}
     * @param shareOfStep    its share of the step's kernel time, in [0, 1]: the dot's area is proportional to it
     */
    public record Point(String label, double flopsPerByte, double flopsPerSecond, double shareOfStep) {
        /** Checks the share. */
        public Point {
            if (!(shareOfStep >= 0 && shareOfStep <= 1)) {
                throw new IllegalArgumentException("a kernel's share of the step's time must be in [0, 1], got "
                        + shareOfStep + " for " + label);
            }
        }
    }

    /**
     * The ridge point of a ceiling over a slope: the intensity where the kernel stops being memory-bound.
     *
     * @param ceiling a compute roof
     * @param slope   a memory slope
     * @return FLOPs per byte, {@code peak ÷ bandwidth}
     */
    public static double ridgeFlopsPerByte(Ceiling ceiling, Slope slope) {
        return ceiling.flopsPerSecond() / slope.bytesPerSecond();
    }
}
