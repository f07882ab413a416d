package org.splitinfer.plugin.lpu;

import org.splitinfer.spi.PowerModel;

/**
 * An LPU's power: linear between idle and peak (the SPI default), plus the node around it.
 *
 * <p>{@code watts(u) = idle + (peak − idle) × u}. A deterministic chip that is busy draws close to the same power
 * whatever it computes, so a linear model in utilisation is as much as the published figures support. The node
 * overhead ({@code node.overheadWattsPerChip}) is the GroqNode's hosts, NICs, fans and power conversion shared over
 * its chips; it is added for wall power by the host.
 *
 * @param idleWatts                {@code power.idleWatts}
 * @param peakWatts                {@code power.peakWatts}
 * @param nodeOverheadWattsPerChip {@code node.overheadWattsPerChip}
 */
record LpuPower(double idleWatts, double peakWatts, double nodeOverheadWattsPerChip) implements PowerModel {
}
