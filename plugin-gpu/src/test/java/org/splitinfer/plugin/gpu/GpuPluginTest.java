package org.splitinfer.plugin.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

class GpuPluginTest {

    @Test
    void serviceLoaderFindsTheGpuPlugin() {
        List<AcceleratorProvider> providers = ServiceLoader.load(AcceleratorProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(providers).hasAtLeastOneElementOfType(GpuPlugin.class);
    }

    @Test
    void reportsItsFamilyAndTheSpiVersionItWasCompiledAgainst() {
        GpuPlugin plugin = new GpuPlugin();

        assertThat(plugin.family()).isEqualTo(Family.GPU);
        assertThat(plugin.spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
        assertThat(plugin.spiVersion().canRunOn(SpiVersion.current())).isTrue();
    }

    @Test
    void buildsOneAcceleratorPerSheetEntryFromTheFamilySheet() {
        GpuFixtures.FakeContext context = (GpuFixtures.FakeContext) GpuFixtures.context(
                GpuFixtures.sheet("chip-a", GpuFixtures.figures()),
                GpuFixtures.sheet("chip-b", GpuFixtures.figuresWithHost()));

        List<Accelerator> chips = new GpuPlugin().accelerators(context);

        assertThat(context.asked()).containsExactly("org/splitinfer/plugin/gpu/gpu-hardware.yaml");
        assertThat(chips).extracting(Accelerator::id).containsExactly("chip-a", "chip-b");
        assertThat(chips.get(0).spec().family()).isEqualTo(Family.GPU);
        assertThat(chips.get(0).spec().figures()).hasSize(GpuFixtures.figures().size());
        assertThat(chips.get(1).memory().tiers()).hasSize(2);
    }

    @Test
    void missingFiguresOfAChipAreReportedTogether() {
        Map<String, Double> figures = GpuFixtures.figures();
        figures.remove("hbm.capacityBytes");
        figures.remove("kernel.launchSeconds");

        assertThatThrownBy(() -> GpuFixtures.chip("broken", figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/gpu-hardware.yaml: accelerator 'broken' lacks figure 'hbm.capacityBytes'; add it"
                        + " with a source or an assumption; lacks figure 'kernel.launchSeconds'; add it with a source"
                        + " or an assumption");
    }

    @Test
    void aMisspeltRequiredFigureIsNamedBesideTheOneThatIsMissing() {
        // the sheet says hbm.bytesPerSecnd: once only "lacks figure 'hbm.bytesPerSecond'", and the unknown-name
        // check of the kit never ran because the chip did not load
        Map<String, Double> figures = GpuFixtures.figures();
        figures.put("hbm.bytesPerSecnd", figures.remove("hbm.bytesPerSecond"));

        assertThatThrownBy(() -> GpuFixtures.chip("typo", figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test/gpu-hardware.yaml: accelerator 'typo' lacks figure 'hbm.bytesPerSecond' (the sheet"
                        + " has 'hbm.bytesPerSecnd': misspelt?); add it with a source or an assumption");
    }

    @Test
    void problemsOfEveryChipAreReportedTogether() {
        Map<String, Double> badFraction = GpuFixtures.figures();
        badFraction.put("efficiency.gemmCeiling", 1.5);
        Map<String, Double> badPrecision = GpuFixtures.figures();
        badPrecision.put("peak.flopsPerSecond.e4m3", 1e15);

        assertThatThrownBy(() -> new GpuPlugin().accelerators(GpuFixtures.context(
                GpuFixtures.sheet("chip-a", badFraction), GpuFixtures.sheet("chip-b", badPrecision))))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("accelerator 'chip-a' figure 'efficiency.gemmCeiling' is a fraction and must be"
                        + " in (0, 1], got 1.5")
                .hasMessageContaining("accelerator 'chip-b' figure 'peak.flopsPerSecond.e4m3' names precision 'e4m3'");
    }

    @Test
    void datasheetFormatsTheSpiDoesNotNameAreKeptWithTheBitsTheirNameEndsIn() {
        // tf32 is stored in 32 bits, fp6 in 6; they follow the well-known formats, by name.
        Map<String, Double> figures = GpuFixtures.figures();
        figures.put("peak.flopsPerSecond.tf32", 0.5e15);
        figures.put("peak.flopsPerSecond.fp6", 2e15);

        Accelerator chip = GpuFixtures.chip("datasheet-formats", figures);

        assertThat(chip.roofline().computePrecisions()).containsExactly(Precision.BF16, Precision.FP16, Precision.FP8,
                new Precision("fp6", 6), new Precision("tf32", 32));
        assertThat(chip.roofline().peakFlopsPerSecond(new Precision("tf32", 32))).isEqualTo(0.5e15);
    }

    @Test
    void aHostTierNeedsAllItsFigures() {
        Map<String, Double> figures = GpuFixtures.figures();
        figures.put("host.capacityBytes", 240e9);

        assertThatThrownBy(() -> GpuFixtures.chip("half-host", figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("'host.bytesPerSecond'")
                .hasMessageContaining("'host.usableFraction'")
                .hasMessageContaining("'efficiency.hostBandwidth'");
    }

    @Test
    void aChipWithoutAnyPeakIsRejected() {
        Map<String, Double> figures = GpuFixtures.figures();
        figures.keySet().removeIf(name -> name.startsWith("peak.flopsPerSecond."));

        assertThatThrownBy(() -> GpuFixtures.chip("no-peak", figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("lacks any 'peak.flopsPerSecond.<precision>' figure");
    }

    @Test
    void idleAbovePeakPowerIsRejected() {
        Map<String, Double> figures = GpuFixtures.figures();
        figures.put("power.idleWatts", 800.0);

        assertThatThrownBy(() -> GpuFixtures.chip("hot", figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("'power.peakWatts' (700.0) must be >= 'power.idleWatts' (800.0)");
    }

    @Test
    void aSheetOfAnotherFamilyIsRejected() {
        HardwareSheet lpuSheet = new HardwareSheet("x.yaml", Family.LPU, List.of(), List.of());

        assertThatThrownBy(() -> new GpuPlugin().accelerators(resource -> lpuSheet))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("x.yaml: family is 'lpu', but the gpu plugin reads only 'family: gpu'");
    }

    @Test
    void theBundledSheetIsOnTheClassPathAndDeclaresTheGpuFamily() throws IOException {
        try (InputStream in = GpuPlugin.class.getClassLoader().getResourceAsStream(GpuPlugin.SHEET)) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("family: gpu").contains("id: h100-sxm");
        }
    }
}
