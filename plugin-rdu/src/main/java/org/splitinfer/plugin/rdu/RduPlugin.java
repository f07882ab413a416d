package org.splitinfer.plugin.rdu;

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
 * Reconfigurable dataflow units (SambaNova SN40L): three memory tiers, dataflow-fused steps, DDR spill.
 * One accelerator per chip of {@value #SHEET}.
 */
@AutoService(AcceleratorProvider.class)
public final class RduPlugin implements AcceleratorProvider {
    /** The plugin's hardware sheet, a class-path resource. */
    public static final String SHEET = "org/splitinfer/plugin/rdu/rdu-hardware.yaml";

    /** Does no work; the host calls {@link #accelerators} once. */
    public RduPlugin() {
    }

    @Override
    public Family family() {
        return Family.RDU;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet(SHEET);
        if (!sheet.family().equals(Family.RDU)) {
            throw new HardwareDataException(sheet.resource() + ": family is '" + sheet.family()
                    + "' but this plugin models 'rdu'; fix the sheet's family");
        }
        List<Accelerator> accelerators = new ArrayList<>();
        for (AcceleratorSheet chip : sheet.accelerators()) {
            accelerators.add(RduAccelerator.fromSheet(sheet.spec(chip), chip));
        }
        return List.copyOf(accelerators);
    }
}
