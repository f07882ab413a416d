package org.splitinfer.plugin.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** The compatibility kit, run against the plugin's bundled sheet loaded as the host loads it. */
class GpuPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return GpuPlugin.class;
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("a100-sxm-80gb", "b200", "gaudi3", "gb200", "h100-sxm", "h200-sxm", "mi300x", "mi325x", "trainium2");
    }
}
