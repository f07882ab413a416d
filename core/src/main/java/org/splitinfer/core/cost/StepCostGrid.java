package org.splitinfer.core.cost;

/**
 * Step latency and interval tabulated over a grid of two integer inputs (decode: batch × context; prefill: chunk
 * tokens × prior context), read back by bilinear interpolation. Built by {@link StepCostTable}, which documents the
 * error bound and the range.
 *
 * <h2>Notes</h2>
 * With {@code x} in cell {@code [x_i, x_{i+1}]} and {@code y} in {@code [y_j, y_{j+1}]},
 * {@code u = (x − x_i) ÷ (x_{i+1} − x_i)} and {@code v = (y − y_j) ÷ (y_{j+1} − y_j)}:
 * <pre>
 *   f(x, y) ≈ (1 − v)·((1 − u)·f_{i,j} + u·f_{i+1,j}) + v·((1 − u)·f_{i,j+1} + u·f_{i+1,j+1})
 * </pre>
 * exact at the nodes, and exact inside a cell wherever {@code f = a + b·x + c·y + d·x·y}, which is what a step's
 * attention term ({@code ∝ sequences × context}) and its linear terms are between the kinks the table's refinement
 * puts nodes at. Values are row-major: {@code f_{i,j}} at {@code i × ySize + j}.
 *
 * <p>Immutable: every array is filled before the constructor returns and never written again, and the grid is
 * published through a volatile field or a concurrent map, so any thread may read it. Lookups allocate nothing.
 *
 * @since 0.1
 */
public final class StepCostGrid {
    private final GridAxis x;
    private final GridAxis y;
    private final double[] latencySeconds;
    private final double[] intervalSeconds;
    private final int ySize;

    /**
     * @param x               the first input's nodes
     * @param y               the second input's nodes
     * @param latencySeconds  row-major values at the nodes; not copied, not to be changed afterwards
     * @param intervalSeconds row-major values at the nodes; not copied, not to be changed afterwards
     */
    StepCostGrid(GridAxis x, GridAxis y, double[] latencySeconds, double[] intervalSeconds) {
        if (latencySeconds.length != x.size() * y.size() || intervalSeconds.length != latencySeconds.length) {
            throw new IllegalArgumentException("a grid of " + x.size() + " × " + y.size() + " nodes needs as many"
                    + " values, got " + latencySeconds.length + " and " + intervalSeconds.length);
        }
        this.x = x;
        this.y = y;
        this.latencySeconds = latencySeconds;
        this.intervalSeconds = intervalSeconds;
        this.ySize = y.size();
    }

    /**
     * Interpolated step latency.
     *
     * @param xValue the first input, within the grid's nodes (unchecked: the table checks its range)
     * @param yValue the second input, within the grid's nodes (unchecked)
     * @return seconds
     */
    double latencySeconds(long xValue, long yValue) {
        return interpolate(latencySeconds, xValue, yValue);
    }

    /**
     * Interpolated steady-state interval between steps.
     *
     * @param xValue the first input, within the grid's nodes (unchecked: the table checks its range)
     * @param yValue the second input, within the grid's nodes (unchecked)
     * @return seconds
     */
    double intervalSeconds(long xValue, long yValue) {
        return interpolate(intervalSeconds, xValue, yValue);
    }

    private double interpolate(double[] values, long xValue, long yValue) {
        int i = x.cell(xValue);
        int j = y.cell(yValue);
        double u = x.fraction(i, xValue);
        double v = y.fraction(j, yValue);
        int at = i * ySize + j;
        double low = values[at] + u * (values[at + ySize] - values[at]);
        double high = values[at + 1] + u * (values[at + ySize + 1] - values[at + 1]);
        return low + v * (high - low);
    }

    /** @return nodes along the first input (batch or chunk tokens) */
    public int xNodes() {
        return x.size();
    }

    /** @return nodes along the second input (context or prior context) */
    public int yNodes() {
        return y.size();
    }

    /**
     * @param i {@code 0..xNodes() - 1}
     * @return that node of the first input
     */
    public long xNode(int i) {
        return x.node(i);
    }

    /**
     * @param j {@code 0..yNodes() - 1}
     * @return that node of the second input
     */
    public long yNode(int j) {
        return y.node(j);
    }

    /** @return bytes held by the grid's arrays (values, nodes and bucket maps), object headers aside */
    public long sizeBytes() {
        return 16L * latencySeconds.length + x.sizeBytes() + y.sizeBytes();
    }
}
