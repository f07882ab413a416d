package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** The compatibility kit, run against the plugin's bundled sheet loaded as the host loads it. */
class LpuPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return LpuPlugin.class;
    }

    /** The figure names this family adds, as docs/hardware-sheets.md documents them. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("chipLink.bytesPerSecond", "chipLink.count", "hop.latencySeconds", "layer.scheduleSeconds",
                "sram.programFraction", "sram.activationFraction", "node.chips", "rack.nodes", "node.hops",
                "rack.hops", "system.hops");
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("groq-lp30", "groq-lpu-v1");
    }
}
