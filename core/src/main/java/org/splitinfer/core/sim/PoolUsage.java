package org.splitinfer.core.sim;

import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Status;

/**
 * How one pool was used over a run, and what it drew and cost.
 *
 * @param role             what the pool ran
 * @param hardware         accelerator id
 * @param status           the chip's status
 * @param assumedFigures   how many of the chip's figures are marked assumptions
 * @param instances        instances in the pool
 * @param chipsPerInstance chips of one instance
 * @param layout           an instance's layout
 * @param precision        the pool's formats
 * @param busyFraction     share of instance-time spent running steps
 * @param meanBatch        mean sequences per decode step, time-weighted (0 for a prefill pool)
 * @param batchShare       the mean batch over the batch cap: how much of its batch capacity a decoding pool used
 * @param kvOccupancy      time-averaged share of the KV cache reserved (0 for a prefill pool)
 * @param utilisation      how hard a chip works while busy, at the run's mean step: max(FLOP/s ÷ peak, bytes/s ÷
 *                         bandwidth)
 * @param wallWattsPerChip chip power at that load and busy share, plus node overhead
 * @param usdPerChipHour   what one chip costs per hour (amortised purchase and energy, or rental)
 * @since 0.1
 */
public record PoolUsage(PoolRole role, String hardware, Status status, int assumedFigures, int instances,
                        int chipsPerInstance, ParallelLayout layout, ModelPrecision precision, double busyFraction,
                        double meanBatch, double batchShare, double kvOccupancy, double utilisation, double wallWattsPerChip,
                        double usdPerChipHour) {
    /** @return chips of the whole pool */
    public int chips() {
        return instances * chipsPerInstance;
    }
}
