package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** The compatibility kit, run against the plugin's bundled sheet loaded as the host loads it. */
class LpuPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return LpuPlugin.class;
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("groq-lp30", "groq-lpu-v1");
    }
}
