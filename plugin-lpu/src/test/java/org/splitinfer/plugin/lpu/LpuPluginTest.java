package org.splitinfer.plugin.lpu;

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
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.SpiVersion;

class LpuPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        List<AcceleratorProvider> providers = ServiceLoader.load(AcceleratorProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).hasAtLeastOneElementOfType(LpuPlugin.class);
    }

    @Test
    void pluginIsTheLpuFamilyBuiltAgainstThisSpi() {
        LpuPlugin plugin = new LpuPlugin();
        assertThat(plugin.family()).isEqualTo(Family.LPU);
        assertThat(plugin.spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void pluginReadsItsSheetAndBuildsOneAcceleratorPerChip() {
        LpuFixtures.FakeContext context = new LpuFixtures.FakeContext(LpuFixtures.sheet(
                LpuFixtures.chipSheet("lpu-a", LpuFixtures.figures()),
                LpuFixtures.chipSheet("lpu-b", LpuFixtures.figures())));
        List<Accelerator> accelerators = new LpuPlugin().accelerators(context);
        assertThat(context.asked).containsExactly("org/splitinfer/plugin/lpu/lpu-hardware.yaml");
        assertThat(accelerators).extracting(Accelerator::id).containsExactly("lpu-a", "lpu-b");
        assertThat(accelerators.get(0).spec().family()).isEqualTo(Family.LPU);
        assertThat(accelerators.get(0).spec().sources()).containsExactly(LpuFixtures.SOURCE);
    }

    @Test
    void theBundledSheetIsOnTheClassPath() {
        assertThat(LpuPlugin.class.getClassLoader().getResource(LpuPlugin.SHEET)).isNotNull();
    }

    @Test
    void aMissingRequiredFigureIsNamed() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.remove("hop.latencySeconds");
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/lpu-fixture.yaml: accelerator 'test-lpu' lacks figure 'hop.latencySeconds'; "
                        + "add it with a source or an assumption");
    }

    @Test
    void aPeakInAnUnknownPrecisionIsNamed() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("peak.flopsPerSecond.tensorfloat", 1e12);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageStartingWith("test/lpu-fixture.yaml: accelerator 'test-lpu' figure "
                        + "'peak.flopsPerSecond.tensorfloat' names neither a well-known format");
    }

    @Test
    void aFormatTheSpiDoesNotNameIsKeptWithTheBitsItsNameEndsIn() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("peak.flopsPerSecond.fp6", 600e12);
        assertThat(LpuFixtures.accelerator(figures).roofline().peakFlopsPerSecond(new Precision("fp6", 6)))
                .isEqualTo(600e12);
    }

    @Test
    void aChipWithoutAnyPeakIsRefused() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.remove("peak.flopsPerSecond.fp16");
        figures.remove("peak.flopsPerSecond.int8");
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("has no 'peak.flopsPerSecond.<format>' figure");
    }

    @Test
    void anAchievableFractionAboveOneIsRefused() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("compute.achievableFraction", 1.2);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/lpu-fixture.yaml: accelerator 'test-lpu' figure 'compute.achievableFraction'"
                        + " must be in (0, 1], got 1.2");
    }

    @Test
    void aUsableFractionIsRefusedBecauseTheRoomForProgramAndActivationsSaysIt() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("sram.usableFraction", 0.9);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/lpu-fixture.yaml: accelerator 'test-lpu' has figure 'sram.usableFraction'; an LPU's"
                        + " usable SRAM is what sram.programFraction and sram.activationFraction leave, so give those"
                        + " instead");
    }

    @Test
    void roomForProgramAndActivationsThatLeavesNothingIsRefused() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("sram.programFraction", 0.6);
        figures.put("sram.activationFraction", 0.4);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("together they must be below 1");
    }

    @Test
    void aRouteOutOfANodeShorterThanOneInsideIsRefused() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("rack.hops", 1.0);
        figures.put("node.hops", 2.0);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/lpu-fixture.yaml: accelerator 'test-lpu' has node.hops 2, rack.hops 1 and"
                        + " system.hops 5; a route that leaves a node or a rack cannot be shorter than one inside it");
    }

    @Test
    void idleAbovePeakIsRefused() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("power.idleWatts", 400.0);
        assertThatThrownBy(() -> LpuFixtures.accelerator(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("power.idleWatts 400.0 above power.peakWatts 300.0");
    }
}
