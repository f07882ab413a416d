package org.splitinfer.plugin.lpu;

import java.util.Optional;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Roofline;

/**
 * One LPU chip and its models, built once from its sheet entry.
 *
 * @param spec         what the chip is and where its figures come from
 * @param roofline     kernel and step times
 * @param memory       SRAM and placement
 * @param interconnect chip-to-chip links
 * @param power        chip and node power
 * @param priceOrEmpty what it costs, when the sheet says
 */
record LpuAccelerator(AcceleratorSpec spec, Roofline roofline, MemoryModel memory, Interconnect interconnect,
                      PowerModel power, Optional<Price> priceOrEmpty) implements Accelerator {

    static LpuAccelerator of(AcceleratorSpec spec, LpuChip chip) {
        return new LpuAccelerator(spec, new LpuRoofline(chip), new LpuMemory(chip), new LpuInterconnect(chip),
                new LpuPower(chip.idleWatts(), chip.peakWatts(), chip.nodeOverheadWattsPerChip()), chip.price());
    }

    @Override
    public Optional<Price> price() {
        return priceOrEmpty;
    }
}
