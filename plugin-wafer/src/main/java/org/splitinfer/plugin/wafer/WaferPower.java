package org.splitinfer.plugin.wafer;

import org.splitinfer.spi.PowerModel;

/**
 * A wafer's power: linear between idle and peak (the SPI default), plus the rest of its CS system.
 *
 * <p>{@code watts(u) = idle + (peak − idle) × u} for the wafer; {@code node.overheadWattsPerChip} is the CS system's
 * power less the wafer's (power supplies, pumps, fans, I/O), each system housing exactly one wafer, so the host's
 * wall power per wafer is the system's.
 *
 * @param idleWatts                {@code power.idleWatts}
 * @param peakWatts                {@code power.peakWatts}
 * @param nodeOverheadWattsPerChip {@code node.overheadWattsPerChip}
 */
record WaferPower(double idleWatts, double peakWatts, double nodeOverheadWattsPerChip) implements PowerModel {
}
