package org.splitinfer.core.estimate;

import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.Status;

/**
 * One pool of an estimate: what it runs, how it is laid out, and what it costs.
 *
 * @param role                what the pool runs
 * @param hardware            accelerator id
 * @param status              the chip's status: shipping, announced or projected
 * @param assumedFigures      how many of the chip's figures are assumptions rather than published
 * @param chipsPerInstance    chips of one instance
 * @param instances           instances in the pool
 * @param tensor              tensor-parallel degree
 * @param pipeline            pipeline stages
 * @param precision           the pool's formats
 * @param batch               sequences one instance runs per step at the operating point
 * @param maxBatch            the largest batch whose KV cache fits (at the final context of a request)
 * @param stepLatencySeconds  one step's latency (a decode step, or one prompt's prefill)
 * @param stepIntervalSeconds time between steps with the pipeline kept full
 * @param busyFraction        fraction of time the pool works at the operating point
 * @param utilisation         how hard the chip works while busy: max(FLOP/s ÷ peak, bytes/s ÷ bandwidth)
 * @param wallWattsPerChip    chip power at that load plus node overhead
 * @param usdPerChipHour      what one chip costs per hour (amortised purchase and energy, or rental)
 * @since 0.1
 */
public record PhaseEstimate(PoolRole role, String hardware, Status status, int assumedFigures, int chipsPerInstance,
                            int instances, int tensor, int pipeline, ModelPrecision precision, int batch,
                            int maxBatch, double stepLatencySeconds, double stepIntervalSeconds, double busyFraction,
                            double utilisation, double wallWattsPerChip, double usdPerChipHour) {

    /** @return chips of the whole pool */
    public int chips() {
        return chipsPerInstance * instances;
    }

    /** @return the chip's status and assumed figures */
    public ChipStatus chipStatus() {
        return new ChipStatus(hardware, status, assumedFigures);
    }
}
