package com.example.acme;

import com.google.auto.service.AutoService;
import java.util.ArrayList;
import java.util.List;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.SpiVersion;

/** The example plugin's entry class: final, no-argument constructor, registered with {@code @AutoService}. */
@AutoService(AcceleratorProvider.class)
public final class AcmePlugin implements AcceleratorProvider {
    static final Family NPU = new Family("npu");

    @Override
    public Family family() {
        return NPU;
    }

    @Override
    public SpiVersion spiVersion() {
        // Compile-time constants: javac copies the SPI version this plugin is built against into this class.
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet("com/example/acme/acme-hardware.yaml");
        List<Accelerator> accelerators = new ArrayList<>();
        for (AcceleratorSheet chip : sheet.accelerators()) {
            accelerators.add(new AcmeAccelerator(sheet.spec(chip), chip));
        }
        return accelerators;
    }
}
