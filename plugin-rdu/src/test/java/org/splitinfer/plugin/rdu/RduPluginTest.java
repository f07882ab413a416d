package org.splitinfer.plugin.rdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.SpiVersion;

class RduPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(AcceleratorProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(RduPlugin.class);
    }

    @Test
    void pluginReportsItsFamilyAndTheSpiItWasBuiltAgainst() {
        RduPlugin plugin = new RduPlugin();

        assertThat(plugin.family()).isEqualTo(Family.RDU);
        assertThat(plugin.spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void oneAcceleratorPerChipOfTheSheet() {
        List<Accelerator> accelerators = new RduPlugin().accelerators(
                RduFixtures.context(RduFixtures.hardwareSheet(RduFixtures.figures())));

        assertThat(accelerators).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("sambanova-sn40l");
            assertThat(a.power().peakWatts()).isEqualTo(600);
            assertThat(a.interconnect().scaleUpDomainChips()).isEqualTo(16);
            assertThat(a.price()).isEmpty();
        });
    }

    @Test
    void aMissingFigureIsNamedWithTheChipAndTheResource() {
        var figures = RduFixtures.figures();
        figures.remove("ddr.bytesPerSecond");

        assertThatThrownBy(() -> new RduPlugin().accelerators(RduFixtures.context(RduFixtures.hardwareSheet(figures))))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test-rdu.yaml: accelerator 'sambanova-sn40l' lacks figure 'ddr.bytesPerSecond'; "
                        + "add it with a source or an assumption");
    }

    @Test
    void idleAbovePeakIsAHardwareDataProblem() {
        var figures = RduFixtures.figures();
        figures.put("power.idleWatts", 700.0);

        assertThatThrownBy(() -> RduFixtures.socket(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("sambanova-sn40l").hasMessageContaining("idle");
    }

    @Test
    void aSheetOfAnotherFamilyIsRefused() {
        HardwareSheet gpu = new HardwareSheet("gpu.yaml", Family.GPU, List.of(),
                List.of(RduFixtures.sheet(RduFixtures.figures())));

        assertThatThrownBy(() -> new RduPlugin().accelerators(RduFixtures.context(gpu)))
                .isInstanceOf(HardwareDataException.class).hasMessageContaining("family is 'gpu'");
    }
}
