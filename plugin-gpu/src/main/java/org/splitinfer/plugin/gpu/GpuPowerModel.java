package org.splitinfer.plugin.gpu;

import org.splitinfer.spi.PowerModel;

/**
 * A GPU's power: linear between idle and board power (TDP), the SPI's default interpolation, plus the node's share.
 *
 * <p><b>Equation.</b> {@code watts(u) = idle + (peak − idle) × u}. Linear in utilisation is the common first-order model
 * of accelerator power (it over-predicts memory-bound phases slightly, where tensor cores idle); {@code peak} is the
 * board's TDP ({@code power.peakWatts}), {@code idle} its measured idle draw ({@code power.idleWatts}). The node's
 * share ({@code node.overheadWattsPerChip}: CPUs, NICs, NVSwitches, fans, conversion losses ÷ GPUs) comes from the
 * system's maximum power minus its GPUs' TDPs.
 *
 * @param idleWatts                chip idle power, {@code > 0}
 * @param peakWatts                chip full-load power, {@code >= idleWatts}
 * @param nodeOverheadWattsPerChip node power per chip beyond the chips, {@code >= 0}
 */
record GpuPowerModel(double idleWatts, double peakWatts, double nodeOverheadWattsPerChip) implements PowerModel {
}
