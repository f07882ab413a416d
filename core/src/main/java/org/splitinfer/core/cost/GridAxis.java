package org.splitinfer.core.cost;

/**
 * One axis of a {@link StepCostGrid}: sorted integer nodes, and the cell of any integer between the first and the
 * last found in constant time.
 *
 * <h2>Notes</h2>
 * The nodes are irregular (a coarse uniform base refined where the step cost bends), so a lookup cannot divide by
 * one spacing. Instead the axis keeps a bucket map: buckets of {@code 2^shift} integers from the first node, each
 * holding the cell its first integer falls in. {@code 2^shift} is the largest power of two not above the narrowest
 * cell, so a bucket meets at most two cells and a lookup is one shift, one array read and at most one step; only when
 * that would take more than {@value #MAX_BUCKETS} buckets is the bucket widened, and a lookup in a densely refined
 * stretch walks the few cells a bucket then spans. Immutable and thread-safe; lookups allocate nothing.
 */
final class GridAxis {
    /** Caps the bucket map at 16 KB per axis. */
    static final int MAX_BUCKETS = 4096;

    private final long[] nodes;
    private final double[] inverseWidths;
    private final int[] bucketCells;
    private final int shift;

    /**
     * @param nodes at least two, strictly increasing; not copied, not to be changed afterwards
     */
    GridAxis(long[] nodes) {
        if (nodes.length < 2) {
            throw new IllegalArgumentException("a grid axis needs at least two nodes, got " + nodes.length);
        }
        long narrowest = Long.MAX_VALUE;
        for (int i = 1; i < nodes.length; i++) {
            long width = nodes[i] - nodes[i - 1];
            if (width < 1) {
                throw new IllegalArgumentException("grid nodes must increase, got " + nodes[i - 1] + " then "
                        + nodes[i]);
            }
            narrowest = Math.min(narrowest, width);
        }
        this.nodes = nodes;
        this.inverseWidths = new double[nodes.length - 1];
        for (int i = 0; i < inverseWidths.length; i++) {
            inverseWidths[i] = 1.0 / (nodes[i + 1] - nodes[i]);
        }
        long span = nodes[nodes.length - 1] - nodes[0];
        int bucketShift = 63 - Long.numberOfLeadingZeros(narrowest);
        while ((span >>> bucketShift) + 1 > MAX_BUCKETS) {
            bucketShift++;
        }
        this.shift = bucketShift;
        this.bucketCells = new int[(int) (span >>> bucketShift) + 1];
        int cell = 0;
        for (int bucket = 0; bucket < bucketCells.length; bucket++) {
            long start = nodes[0] + ((long) bucket << bucketShift);
            while (cell < nodes.length - 2 && nodes[cell + 1] <= start) {
                cell++;
            }
            bucketCells[bucket] = cell;
        }
    }

    /** @return the first node */
    long first() {
        return nodes[0];
    }

    /** @return the last node */
    long last() {
        return nodes[nodes.length - 1];
    }

    /** @return the number of nodes */
    int size() {
        return nodes.length;
    }

    /** @return node {@code i} */
    long node(int i) {
        return nodes[i];
    }

    /**
     * The cell holding a value: {@code i} with {@code node(i) <= value <= node(i + 1)}, the cell that starts at the
     * value when it is an inner node.
     *
     * @param value in {@code first()..last()}, unchecked
     * @return the cell, {@code 0..size() - 2}
     */
    int cell(long value) {
        int cell = bucketCells[(int) ((value - nodes[0]) >>> shift)];
        int lastCell = nodes.length - 2;
        while (cell < lastCell && nodes[cell + 1] <= value) {
            cell++;
        }
        return cell;
    }

    /**
     * Where a value sits in its cell.
     *
     * @param cell  the value's {@link #cell}
     * @param value the value
     * @return {@code (value − node(cell)) ÷ (node(cell + 1) − node(cell))}, in [0, 1]
     */
    double fraction(int cell, long value) {
        return (value - nodes[cell]) * inverseWidths[cell];
    }

    /** @return bytes of this axis' arrays, for the table's notes and tests */
    long sizeBytes() {
        return 8L * nodes.length + 8L * inverseWidths.length + 4L * bucketCells.length;
    }
}
