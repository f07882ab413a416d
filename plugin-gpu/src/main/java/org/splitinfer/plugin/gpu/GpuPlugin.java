package org.splitinfer.plugin.gpu;

import java.util.ArrayList;
import java.util.List;

import com.google.auto.service.AutoService;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.SpiVersion;

/**
 * The GPU family: HBM tensor accelerators (NVIDIA A100/H100/H200/B200/GB200, AMD MI300X/MI325X, Intel Gaudi 3, AWS
 * Trainium2). Every chip its sheet lists becomes one {@link org.splitinfer.spi.Accelerator}; the figures it reads are
 * listed in {@link GpuFigures}, the models in {@link GpuRoofline}, {@link GpuMemoryModel}, {@link GpuInterconnect} and
 * {@link GpuPowerModel}.
 */
@AutoService(AcceleratorProvider.class)
public final class GpuPlugin implements AcceleratorProvider {

    /** The class-path resource of the family's hardware sheet. */
    public static final String SHEET = "org/splitinfer/plugin/gpu/gpu-hardware.yaml";

    /** Does no work; the sheet is read in {@link #accelerators}. */
    public GpuPlugin() {
    }

    @Override
    public Family family() {
        return Family.GPU;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    /**
     * Reads {@link #SHEET} and builds every chip it lists.
     *
     * @throws HardwareDataException naming every problem of every chip, when the sheet is not a gpu sheet or a chip's
     *                               figures are missing or invalid
     */
    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet(SHEET);
        if (!Family.GPU.equals(sheet.family())) {
            throw new HardwareDataException(sheet.resource() + ": family is '" + sheet.family()
                    + "', but the gpu plugin reads only 'family: gpu'");
        }
        List<Accelerator> accelerators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AcceleratorSheet entry : sheet.accelerators()) {
            try {
                accelerators.add(GpuAccelerator.from(sheet.spec(entry), entry));
            } catch (HardwareDataException | IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new HardwareDataException(String.join("\n", problems));
        }
        return List.copyOf(accelerators);
    }
}
