package org.splitinfer.plugin.wafer;

import java.util.Optional;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Roofline;

/**
 * One wafer and its models, built once from its sheet entry.
 *
 * @param spec         what the wafer is and where its figures come from
 * @param roofline     kernel and step times
 * @param memory       SRAM, MemoryX and placement
 * @param interconnect the system I/O
 * @param power        wafer and system power
 * @param priceOrEmpty what its CS system costs, when the sheet says
 */
record WaferAccelerator(AcceleratorSpec spec, Roofline roofline, MemoryModel memory, Interconnect interconnect,
                        PowerModel power, Optional<Price> priceOrEmpty) implements Accelerator {

    static WaferAccelerator of(AcceleratorSpec spec, WaferChip chip) {
        return new WaferAccelerator(spec, new WaferRoofline(chip), new WaferMemory(chip), new WaferInterconnect(chip),
                new WaferPower(chip.idleWatts(), chip.peakWatts(), chip.nodeOverheadWattsPerChip()), chip.price());
    }

    @Override
    public Optional<Price> price() {
        return priceOrEmpty;
    }
}
