package org.splitinfer.plugin.optical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
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
    void theConversionFiguresAreRequired() {
        Map<String, Double> figures = OpticalFixtures.lumaiLike();
        figures.remove("conversion.joulesPerVector");

        assertThatThrownBy(() -> OpticalFixtures.chip(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("lacks figure 'conversion.joulesPerVector'");
    }
}
