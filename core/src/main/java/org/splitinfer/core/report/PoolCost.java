package org.splitinfer.core.report;

import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.sim.PoolUsage;
import org.splitinfer.spi.Status;

/**
 * What one pool of a deployment costs and draws: its chips times each chip's price per hour and wall power.
 *
 * @param role           what the pool runs
 * @param hardware       its chip
 * @param status         the chip's status
 * @param assumedFigures how many of the chip's figures are assumptions
 * @param chips          chips of the whole pool
 * @param usdPerChipHour what one chip costs per hour (amortised purchase and energy, or rental)
 * @param wattsPerChip   one chip's wall power at the load, node overhead included
 */
record PoolCost(PoolRole role, String hardware, Status status, int assumedFigures, int chips, double usdPerChipHour,
                double wattsPerChip) {

    /**
     * @param pool a pool as a simulation measured it
     * @return its cost and power at the simulated load
     */
    static PoolCost of(PoolUsage pool) {
        return new PoolCost(pool.role(), pool.hardware(), pool.status(), pool.assumedFigures(), pool.chips(),
                pool.usdPerChipHour(), pool.wallWattsPerChip());
    }

    /**
     * @param phase a pool as the estimator sized it
     * @return its cost and power at the estimate's operating point
     */
    static PoolCost of(PhaseEstimate phase) {
        return new PoolCost(phase.role(), phase.hardware(), phase.status(), phase.assumedFigures(), phase.chips(),
                phase.usdPerChipHour(), phase.wallWattsPerChip());
    }

    /** @return {@code chips × usdPerChipHour} */
    double usdPerHour() {
        return chips * usdPerChipHour;
    }

    /** @return {@code chips × wattsPerChip} */
    double watts() {
        return chips * wattsPerChip;
    }
}
