package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** The compatibility kit, run against the plugin's bundled sheet loaded as the host loads it. */
class WaferPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return WaferPlugin.class;
    }

    /** The figure names this family adds, as docs/hardware-sheets.md documents them. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("cluster.maxChips", "fabric.cores", "fabric.clockHertz", "fabric.hopCycles", "fabric.rampCycles",
                "systemIo.bytesPerSecond");
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("cerebras-wse2", "cerebras-wse3");
    }
}
