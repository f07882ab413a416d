package org.splitinfer.plugin.riscv;

import org.splitinfer.spi.PowerModel;

/**
 * Power of one Tenstorrent chip: linear between idle and peak (the SPI's default interpolation), plus the node's
 * per-chip overhead (host, fans, power conversion).
 *
 * <p>Figures: {@code power.idleWatts}, {@code power.peakWatts}, {@code node.overheadWattsPerChip}, all required.
 *
 * @param idleWatts                > 0
 * @param peakWatts                >= idleWatts
 * @param nodeOverheadWattsPerChip >= 0
 */
public record RiscvPowerModel(double idleWatts, double peakWatts, double nodeOverheadWattsPerChip)
        implements PowerModel {
    /** Validates the figures. */
    public RiscvPowerModel {
        if (!(idleWatts > 0) || !(peakWatts >= idleWatts) || !(nodeOverheadWattsPerChip >= 0)
                || Double.isInfinite(peakWatts) || Double.isInfinite(nodeOverheadWattsPerChip)) {
            throw new IllegalArgumentException("power needs 0 < idle <= peak and overhead >= 0, got idle "
                    + idleWatts + ", peak " + peakWatts + ", overhead " + nodeOverheadWattsPerChip);
        }
    }
}
