package org.splitinfer.core.cost;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Samples a {@link GridFunction} onto a {@link StepCostGrid}, refining the grid until bilinear interpolation
 * matches direct costing within a tolerance at every probe. The method and why it bounds the error are in
 * {@link StepCostTable}'s notes. Not thread-safe; one builder per grid, discarded after {@link #build}.
 */
final class StepCostGridBuilder {
    /** Cells of the uniform base grid along an axis before refinement. */
    static final int BASE_CELLS = 16;
    /** Nodes an axis may reach before the build gives up: the step cost then bends too often to tabulate. */
    static final int MAX_NODES_PER_AXIS = 8192;
    /** Values (nodes of both axes multiplied) the build may reach: 2 × 8 MB. */
    static final int MAX_VALUES = 1 << 20;

    private final String label;
    private final GridFunction function;
    private final double tolerance;
    private final TreeSet<Long> xs;
    private final TreeSet<Long> ys;
    private final Map<Point, double[]> sampled = new HashMap<>();

    /**
     * @param label     what is tabulated, for the message when the grid cannot be built
     * @param function  the direct cost
     * @param xMin      the first input's least value
     * @param xMax      its greatest value, {@code >= xMin}
     * @param denseX    the first input's leading values that are all nodes (where relative curvature is greatest)
     * @param yMin      the second input's least value
     * @param yMax      its greatest value, {@code >= yMin}
     * @param tolerance the largest relative interpolation error a probe may show, e.g. 0.0025
     */
    StepCostGridBuilder(String label, GridFunction function, long xMin, long xMax, int denseX, long yMin, long yMax,
                        double tolerance) {
        this.label = label;
        this.function = function;
        this.tolerance = tolerance;
        this.xs = baseNodes(xMin, xMax, denseX);
        this.ys = baseNodes(yMin, yMax, 0);
    }

    /**
     * A uniform base of about {@value #BASE_CELLS} cells at a power-of-two spacing, after {@code dense} leading
     * integers. A range of one value gets a second node one above it, so that every axis has a cell; the table's
     * range check keeps lookups off it.
     */
    private static TreeSet<Long> baseNodes(long min, long max, int dense) {
        TreeSet<Long> nodes = new TreeSet<>();
        for (long value = min; value < min + dense && value <= max; value++) {
            nodes.add(value);
        }
        long spacing = Long.highestOneBit(Math.max(1, (max - min) / BASE_CELLS));
        for (long value = min; value < max; value += spacing) {
            nodes.add(value);
        }
        nodes.add(max);
        if (max == min) {
            nodes.add(max + 1);
        }
        return nodes;
    }

    /**
     * Refines until no probe is off by more than the tolerance, then fills the grid.
     *
     * @return the grid
     * @throws IllegalStateException when the grid would exceed {@value #MAX_NODES_PER_AXIS} nodes per axis or
     *                               {@value #MAX_VALUES} values
     */
    StepCostGrid build() {
        while (true) {
            long[] x = toArray(xs);
            long[] y = toArray(ys);
            long[] xLines = withMidpoints(x);
            long[] yLines = withMidpoints(y);
            TreeSet<Long> splitX = new TreeSet<>();
            TreeSet<Long> splitY = new TreeSet<>();
            for (int i = 0; i + 1 < x.length; i++) {
                if (x[i + 1] - x[i] >= 2 && isOffAlong(x[i], x[i + 1], yLines, true)) {
                    splitX.add(midpoint(x[i], x[i + 1]));
                }
            }
            for (int j = 0; j + 1 < y.length; j++) {
                if (y[j + 1] - y[j] >= 2 && isOffAlong(y[j], y[j + 1], xLines, false)) {
                    splitY.add(midpoint(y[j], y[j + 1]));
                }
            }
            if (splitX.isEmpty() && splitY.isEmpty()) {
                return fill(x, y);
            }
            xs.addAll(splitX);
            ys.addAll(splitY);
            if (xs.size() > MAX_NODES_PER_AXIS || ys.size() > MAX_NODES_PER_AXIS
                    || (long) xs.size() * ys.size() > MAX_VALUES) {
                throw new IllegalStateException("the step cost of " + label + " bends too often to tabulate within "
                        + tolerance + " (" + xs.size() + " × " + ys.size() + " nodes and growing); cost these steps"
                        + " directly");
            }
        }
    }

    /**
     * Whether interpolating along one axis between two adjacent nodes may be off by more than the tolerance on any
     * of the given lines of the other axis (its nodes and its cells' midpoints: the midpoint line is where the other
     * axis' interpolation error adds to this one's, at a cell's centre). Per line, it prices the nodes, their inner
     * neighbours and the midpoint, and takes the cell as off when the midpoint misses, or when {@link #errorBound}
     * exceeds the tolerance.
     */
    private boolean isOffAlong(long low, long high, long[] lines, boolean alongX) {
        long middle = midpoint(low, high);
        double width = high - low;
        double u = (middle - low) / width;
        for (long line : lines) {
            double[] a = alongX ? value(low, line) : value(line, low);
            double[] b = alongX ? value(high, line) : value(line, high);
            double[] m = alongX ? value(middle, line) : value(line, middle);
            double[] afterLow = alongX ? value(low + 1, line) : value(line, low + 1);
            double[] beforeHigh = alongX ? value(high - 1, line) : value(line, high - 1);
            for (int k = 0; k < 2; k++) {
                double bound = errorBound(afterLow[k] - a[k], b[k] - beforeHigh[k], (b[k] - a[k]) / width, width);
                if (isOff(a[k] + u * (b[k] - a[k]), m[k])
                        || !(bound <= tolerance * Math.min(Math.abs(a[k]), Math.abs(b[k])))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A bound on how far a cell's chord may stray from the cost between its integer points, from the slopes of its
     * first and last unit steps and of the chord.
     *
     * <p>When the chord's slope lies between the end slopes, the cost is taken as convex or concave across the cell:
     * its unit-step slopes then run monotonically from one end slope to the other, so the chord misses it by at most
     * {@code |last − first| × width ÷ 4} (the bound is reached by one kink at the midpoint). When the chord's slope
     * lies outside them, the cost is neither: it drops or jumps inside the cell (a ceiling of rows or vectors, say),
     * and {@code max(|chord − first|, |chord − last|) × width} is the size of those drops, which is how far the chord
     * can be off. Both are zero for a linear cost, and refinement stops only when they are small.
     */
    private static double errorBound(double first, double last, double chord, double width) {
        double slack = 1e-12 * (Math.abs(first) + Math.abs(last));
        if (chord >= Math.min(first, last) - slack && chord <= Math.max(first, last) + slack) {
            return Math.abs(last - first) * width / 4;
        }
        return Math.max(Math.abs(chord - first), Math.abs(chord - last)) * width;
    }

    /** The nodes and the midpoints of cells at least 2 wide, in order. */
    private static long[] withMidpoints(long[] nodes) {
        TreeSet<Long> lines = new TreeSet<>();
        for (int i = 0; i < nodes.length; i++) {
            lines.add(nodes[i]);
            if (i + 1 < nodes.length && nodes[i + 1] - nodes[i] >= 2) {
                lines.add(midpoint(nodes[i], nodes[i + 1]));
            }
        }
        return toArray(lines);
    }

    private boolean isOff(double interpolated, double exact) {
        return !(Math.abs(interpolated - exact) <= tolerance * Math.abs(exact));
    }

    private StepCostGrid fill(long[] x, long[] y) {
        double[] latency = new double[x.length * y.length];
        double[] interval = new double[latency.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                double[] value = value(x[i], y[j]);
                latency[i * y.length + j] = value[0];
                interval[i * y.length + j] = value[1];
            }
        }
        return new StepCostGrid(new GridAxis(x), new GridAxis(y), latency, interval);
    }

    /** Latency and interval at a point, priced once however often refinement asks. */
    private double[] value(long x, long y) {
        return sampled.computeIfAbsent(new Point(x, y), point -> {
            StepCost cost = function.at(point.x(), point.y());
            return new double[] {cost.latencySeconds(), cost.intervalSeconds()};
        });
    }

    private static long midpoint(long low, long high) {
        return low + (high - low) / 2;
    }

    private static long[] toArray(TreeSet<Long> nodes) {
        return nodes.stream().mapToLong(Long::longValue).toArray();
    }

    /** @return direct costings made so far, for tests and the build-time notes */
    int samples() {
        return sampled.size();
    }

    private record Point(long x, long y) {
    }
}
