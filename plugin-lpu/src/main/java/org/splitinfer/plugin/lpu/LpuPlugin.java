package org.splitinfer.plugin.lpu;

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
 * SRAM-only deterministic dataflow chips (Groq LPU): a model is spread over as many chips as its weights and KV
 * cache need, pipelined chip to chip. Reads {@value #SHEET}; every chip the sheet lists becomes one accelerator.
 */
@AutoService(AcceleratorProvider.class)
public final class LpuPlugin implements AcceleratorProvider {

    /** The plugin's hardware sheet, a class-path resource. */
    public static final String SHEET = "org/splitinfer/plugin/lpu/lpu-hardware.yaml";

    /** Does no work; the host calls {@link #accelerators} when it needs the chips. */
    public LpuPlugin() {
    }

    @Override
    public Family family() {
        return Family.LPU;
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
        if (!sheet.family().equals(Family.LPU)) {
            throw new HardwareDataException(sheet.resource() + ": family is '" + sheet.family()
                    + "', expected '" + Family.LPU + "'; this plugin models only LPU chips");
        }
        List<Accelerator> accelerators = new ArrayList<>(sheet.accelerators().size());
        for (AcceleratorSheet chip : sheet.accelerators()) {
            accelerators.add(LpuAccelerator.of(sheet.spec(chip), LpuChip.read(chip)));
        }
        return List.copyOf(accelerators);
    }
}
