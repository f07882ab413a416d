package org.splitinfer.plugin.riscv;

import com.google.auto.service.AutoService;
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

/**
 * RISC-V many-core meshes (Tenstorrent Wormhole, Blackhole, Galaxy): Tensix L1, GDDR6, an Ethernet mesh.
 * One accelerator per chip of {@value #SHEET}.
 */
@AutoService(AcceleratorProvider.class)
public final class RiscvPlugin implements AcceleratorProvider {
    /** The plugin's hardware sheet, a class-path resource. */
    public static final String SHEET = "org/splitinfer/plugin/riscv/riscv-hardware.yaml";

    /** Does no work; the host calls {@link #accelerators} once. */
    public RiscvPlugin() {
    }

    @Override
    public Family family() {
        return Family.RISCV;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet(SHEET);
        if (!sheet.family().equals(Family.RISCV)) {
            throw new HardwareDataException(sheet.resource() + ": family is '" + sheet.family()
                    + "' but this plugin models 'riscv'; fix the sheet's family");
        }
        List<Accelerator> accelerators = new ArrayList<>();
        for (AcceleratorSheet chip : sheet.accelerators()) {
            accelerators.add(RiscvAccelerator.fromSheet(sheet.spec(chip), chip));
        }
        return List.copyOf(accelerators);
    }
}
