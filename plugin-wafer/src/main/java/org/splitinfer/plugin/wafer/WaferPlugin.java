package org.splitinfer.plugin.wafer;

import java.util.ArrayList;
import java.util.List;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * Wafer-scale engines (Cerebras WSE): on-wafer SRAM, layers pipelined across the wafer, larger models pipelined
 * over several wafers, weights optionally streamed from MemoryX. Reads {@value #SHEET}; every chip the sheet lists
 * (one wafer each) becomes one accelerator.
 */
@AutoService(AcceleratorProvider.class)
public final class WaferPlugin implements AcceleratorProvider {

    /** The plugin's hardware sheet, a class-path resource. */
    public static final String SHEET = "org/splitinfer/plugin/wafer/wafer-hardware.yaml";

    /** Does no work; the host calls {@link #accelerators} when it needs the chips. */
    public WaferPlugin() {
    }

    @Override
    public Family family() {
        return Family.WAFER;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        return accelerators(context.sheet(SHEET));
    }

    static List<Accelerator> accelerators(HardwareSheet sheet) {
        if (!sheet.family().equals(Family.WAFER)) {
            throw new HardwareDataException(sheet.resource() + ": family is '" + sheet.family()
                    + "', expected '" + Family.WAFER + "'; this plugin models only wafer-scale chips");
        }
        List<Accelerator> accelerators = new ArrayList<>(sheet.accelerators().size());
        for (AcceleratorSheet chip : sheet.accelerators()) {
            accelerators.add(WaferAccelerator.of(sheet.spec(chip), WaferChip.read(chip)));
        }
        return List.copyOf(accelerators);
    }
}
