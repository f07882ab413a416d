package org.splitinfer.plugin.riscv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs the compatibility kit against the plugin and its shipped hardware sheet, loaded as the host loads them. */
class RiscvPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return RiscvPlugin.class;
    }

    /** The figure names this family adds, as docs/hardware-sheets.md documents them. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("ethernet.bytesPerSecond", "ethernet.hopLatencySeconds", "ethernet.links", "mesh.columns",
                "mesh.rows", "tensix.cores", "kernel.tracedLaunchSeconds", "attention.decodeHeadCores");
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("tt-blackhole-p150", "tt-wormhole-galaxy", "tt-wormhole-n150", "tt-wormhole-n300");
    }
}
