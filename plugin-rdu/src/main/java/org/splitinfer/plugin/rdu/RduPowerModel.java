package org.splitinfer.plugin.rdu;

import org.splitinfer.spi.PowerModel;

/**
 * Power of one RDU socket: linear between idle and peak (the SPI's default interpolation), plus the node's
 * per-socket overhead.
 *
 * <p>Figures: {@code power.idleWatts}, {@code power.peakWatts}, {@code node.overheadWattsPerChip}, all required.
 *
 * @param idleWatts                > 0
 * @param peakWatts                >= idleWatts
 * @param nodeOverheadWattsPerChip >= 0
 */
public record RduPowerModel(double idleWatts, double peakWatts, double nodeOverheadWattsPerChip)
        implements PowerModel {
    /** Validates the figures. */
    public RduPowerModel {
        if (!(idleWatts > 0) || !(peakWatts >= idleWatts) || !(nodeOverheadWattsPerChip >= 0)
                || Double.isInfinite(peakWatts) || Double.isInfinite(nodeOverheadWattsPerChip)) {
            throw new IllegalArgumentException("power needs 0 < idle <= peak and overhead >= 0, got idle "
                    + idleWatts + ", peak " + peakWatts + ", overhead " + nodeOverheadWattsPerChip);
        }
    }
}
