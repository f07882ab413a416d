package org.splitinfer.plugin.wafer;

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
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.SpiVersion;

class WaferPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<AcceleratorProvider> providers = ServiceLoader.load(AcceleratorProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).hasAtLeastOneElementOfType(WaferPlugin.class);
    }

    @Test
    void pluginIsTheWaferFamilyBuiltAgainstThisSpi() {
        WaferPlugin plugin = new WaferPlugin();
        assertThat(plugin.family()).isEqualTo(Family.WAFER);
        assertThat(plugin.spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void pluginReadsItsSheetAndBuildsOneAcceleratorPerWafer() {
        WaferFixtures.FakeContext context = new WaferFixtures.FakeContext(WaferFixtures.sheet(
                WaferFixtures.chipSheet("wafer-a", WaferFixtures.figures()),
                WaferFixtures.chipSheet("wafer-b", WaferFixtures.figures())));
        List<Accelerator> accelerators = new WaferPlugin().accelerators(context);
        assertThat(context.asked).containsExactly("org/splitinfer/plugin/wafer/wafer-hardware.yaml");
        assertThat(accelerators).extracting(Accelerator::id).containsExactly("wafer-a", "wafer-b");
        assertThat(accelerators.get(0).spec().family()).isEqualTo(Family.WAFER);
    }

    @Test
    void theBundledSheetIsOnTheClassPath() {
        assertThat(WaferPlugin.class.getClassLoader().getResource(WaferPlugin.SHEET)).isNotNull();
    }

    @Test
    void aMissingRequiredFigureIsNamed() {
        Map<String, Double> figures = WaferFixtures.figures();
        figures.remove("systemIo.bytesPerSecond");
        assertThatThrownBy(() -> WaferFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/wafer-fixture.yaml: accelerator 'test-wafer' lacks figure "
                        + "'systemIo.bytesPerSecond'; add it with a source or an assumption");
    }

    @Test
    void cerebrasCb16IsKeptAsASixteenBitFormat() {
        Map<String, Double> figures = WaferFixtures.figures();
        figures.put("peak.flopsPerSecond.cb16", 10e15);
        assertThat(WaferFixtures.accelerator(figures).roofline().computePrecisions())
                .containsExactly(Precision.FP16, new Precision("cb16", 16));
    }

    @Test
    void aSheetOfAnotherFamilyIsRefused() {
        HardwareSheet sheet = new HardwareSheet("other.yaml", Family.GPU, List.of(WaferFixtures.SOURCE),
                List.of(WaferFixtures.chipSheet("wafer-a", WaferFixtures.figures())));
        assertThatThrownBy(() -> WaferPlugin.accelerators(sheet))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("other.yaml: family is 'gpu', expected 'wafer'; this plugin models only wafer-scale chips");
    }
}
