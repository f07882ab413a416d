package org.splitinfer.plugin.riscv;

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

class RiscvPluginTest {

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(AcceleratorProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(RiscvPlugin.class);
    }

    @Test
    void pluginReportsItsFamilyAndTheSpiItWasBuiltAgainst() {
        assertThat(new RiscvPlugin().family()).isEqualTo(Family.RISCV);
        assertThat(new RiscvPlugin().spiVersion()).isEqualTo(new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR));
    }

    @Test
    void oneAcceleratorPerChipOfTheSheet() {
        Map<String, Double> n150 = RiscvFixtures.galaxyChip();
        n150.put("mesh.rows", 1.0);
        n150.put("mesh.columns", 1.0);
        HardwareSheet sheet = new HardwareSheet(RiscvFixtures.RESOURCE, Family.RISCV, List.of(),
                List.of(RiscvFixtures.sheet("tt-wormhole-n150", n150),
                        RiscvFixtures.sheet("tt-wormhole-galaxy", RiscvFixtures.galaxyChip())));

        List<Accelerator> accelerators = new RiscvPlugin().accelerators(RiscvFixtures.context(sheet));

        assertThat(accelerators).extracting(Accelerator::id).containsExactly("tt-wormhole-n150", "tt-wormhole-galaxy");
        assertThat(accelerators).extracting(a -> a.interconnect().scaleUpDomainChips()).containsExactly(1, 32);
        // the unit a buyer gets: an n150 card of one chip, a Galaxy of 32
        assertThat(accelerators).extracting(a -> a.interconnect().nodeChips()).containsExactly(1, 32);
    }

    @Test
    void sramNeedsTheCoresL1OrAChipWideCapacity() {
        Map<String, Double> figures = RiscvFixtures.galaxyChip();
        figures.remove("tensix.l1BytesPerCore");

        assertThatThrownBy(() -> RiscvFixtures.chip(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("'tensix.l1BytesPerCore' is missing");

        figures.put("sram.capacityBytes", 100e6);
        assertThat(RiscvFixtures.chip(figures).memory().tier("sram").capacityBytes()).isEqualTo(100e6);
    }

    @Test
    void aFractionalMeshSizeIsRefused() {
        Map<String, Double> figures = RiscvFixtures.galaxyChip();
        figures.put("mesh.rows", 2.5);

        assertThatThrownBy(() -> RiscvFixtures.chip(figures))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageContaining("'mesh.rows' must be a whole number");
    }
}
