package org.splitinfer.plugin.optical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.SpiVersion;
import org.splitinfer.spi.Status;

class OpticalPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(AcceleratorProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(OpticalPlugin.class);
    }

    @Test
    void pluginReportsItsFamilyAndTheSpiItWasBuiltAgainst() {
        assertThat(new OpticalPlugin().family()).isEqualTo(Family.OPTICAL);
        assertThat(new OpticalPlugin().spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void projectedAndAnnouncedPartsKeepTheirStatus() {
        HardwareSheet sheet = new HardwareSheet(OpticalFixtures.RESOURCE, Family.OPTICAL, List.of(),
                List.of(OpticalFixtures.sheet("lumai-tetra-2029", Status.PROJECTED, OpticalFixtures.lumaiLike()),
                        OpticalFixtures.sheet("lightmatter-envise", Status.ANNOUNCED, OpticalFixtures.lumaiLike())));

        List<Accelerator> accelerators = new OpticalPlugin().accelerators(OpticalFixtures.context(sheet));

        assertThat(accelerators).extracting(a -> a.spec().status()).containsExactly(Status.PROJECTED, Status.ANNOUNCED);
    }

    @Test
    void aPartWithoutElectronicMemoryIsAHardwareDataProblem() {
        Map<String, Double> figures = OpticalFixtures.lumaiLike();
        figures.keySet().removeIf(name -> name.startsWith("hbm.") || name.startsWith("sram."));

        assertThatThrownBy(() -> OpticalFixtures.chip(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("every other full-speed tier");
    }

    @Test
    void theArrayShapeStandsInForVectorElementsAndPerByteConversionEnergy() {
        Map<String, Double> figures = OpticalFixtures.lumaiLike();
        figures.remove("conversion.vectorElements");
        figures.remove("conversion.joulesPerVector");
        figures.put("opticalMatrix.rows", 512.0);
        figures.put("opticalMatrix.columns", 1024.0);
        figures.put("conversion.joulesPerByte", 2e-12);

        OpticalAccelerator chip = OpticalFixtures.chip(figures);

        assertThat(chip.roofline().vectorElements()).isEqualTo(1024);
        // one GEMM row of k = 1,024: 1 vector × 2e-12 J × (512 + 1,024) samples = 3.072e-9 J
        Kernel row = new Kernel("row", KernelKind.GEMM, 1,
                2.0 * 512 * 1024, Precision.INT8, OperandBytes.NONE,
                OperandBytes.NONE, new GemmShape(1, 512, 1024));
        assertThat(chip.conversionJoules(row)).isCloseTo(3.072e-9, within(1e-21));
    }

    @Test
    void theConversionFiguresAreRequired() {
        Map<String, Double> figures = OpticalFixtures.lumaiLike();
        figures.remove("conversion.joulesPerVector");

        assertThatThrownBy(() -> OpticalFixtures.chip(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("lacks figure 'conversion.joulesPerVector'");
    }
}
