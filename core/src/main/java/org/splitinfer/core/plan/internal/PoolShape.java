package org.splitinfer.core.plan.internal;

import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.internal.ChipEconomics;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.PowerModel;

/**
 * One way to build an instance of a pool: its chip, formats, chips and layout, and what one such instance does at
 * the workload's mean request (see {@link ShapeFinder}'s notes).
 *
 * @param role                  what the pool runs
 * @param pool                  the resolved instance (chips, layout, formats, KV room)
 * @param promptLatencySeconds  one mean prompt's prefill latency (0 for decode)
 * @param promptP90LatencySeconds the prefill latency of a prompt at the workload's 90th-percentile length, in chunks
 *                              of {@code chunkTokens} (0 for decode)
 * @param promptIntervalSeconds time a mean prompt occupies the instance (0 for decode)
 * @param chunkTokens           the chunked-prefill budget the instance is planned with (0 for decode)
 * @param batch                 the decode batch the instance is planned at (0 for prefill)
 * @param tpotSeconds           the time per output token at that batch (0 for prefill)
 * @param requestsPerSecond     requests one instance serves at full load
 * @param utilisation           how hard a chip works while busy at that operating point
 */
record PoolShape(PoolRole role, ResolvedPool pool, double promptLatencySeconds, double promptP90LatencySeconds,
                 double promptIntervalSeconds, int chunkTokens, int batch, double tpotSeconds,
                 double requestsPerSecond, double utilisation) {

    Accelerator accelerator() {
        return pool.accelerator();
    }

    /** @return one chip's wall power when the pool is busy this share of the time */
    double wallWattsPerChip(double busy) {
        PowerModel power = accelerator().power();
        double share = Math.min(1, Math.max(0, busy));
        return share * power.watts(utilisation) + (1 - share) * power.idleWatts() + power.nodeOverheadWattsPerChip();
    }

    /** @return one chip's cost per hour at that wall power */
    double usdPerChipHour(double wallWatts, CostAssumptions cost) {
        return ChipEconomics.usdPerChipHour(accelerator(), wallWatts, cost);
    }
}
