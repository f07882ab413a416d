package org.splitinfer.plugin.optical;

import org.splitinfer.spi.GemmShape;

/**
 * The optical matrix units of a chip and the cost of loading weights into them.
 *
 * <h2>Notes</h2>
 * Weights are stationary in the optics: a GEMM of {@code k × n} weights runs as {@code ceil(n ÷ rows) × ceil(k ÷
 * columns)} tiles, each programmed into a unit before vectors stream through it
 * ({@code opticalMatrix.loadSeconds} per tile). The chip's {@code opticalMatrix.count} units load in parallel, so
 * one invocation spends {@code tiles ÷ units × loadSeconds} loading. Loads are taken to overlap the streaming of
 * other tiles (double-buffered modulators), so the load time is one more bound in the kernel's maximum rather than
 * an addition: optimistic when a part cannot load and compute at once, and stated. Decode, with one vector per
 * tile, is where it binds: a weight matrix is loaded for a handful of vectors. Attention's matrices are
 * activations (keys and values) and are not counted here.
 *
 * @param rows        outputs per pass of one unit, {@code >= 1}
 * @param columns     inputs per pass of one unit, {@code >= 1}
 * @param units       units working in parallel, {@code >= 1}
 * @param loadSeconds time to program one tile of weights into a unit, {@code >= 0}
 */
record OpticalArray(int rows, int columns, int units, double loadSeconds) {
    OpticalArray {
        if (rows < 1 || columns < 1 || units < 1 || !(loadSeconds >= 0) || Double.isInfinite(loadSeconds)) {
            throw new IllegalArgumentException("an optical array needs rows, columns and units >= 1 and a load time"
                    + " >= 0");
        }
    }

    /**
     * @param gemm one invocation's shape
     * @return seconds the units spend loading its weight tiles
     */
    double weightLoadSeconds(GemmShape gemm) {
        double tiles = Math.ceil(gemm.n() / (double) rows) * Math.ceil(gemm.k() / (double) columns);
        return tiles / units * loadSeconds;
    }
}
