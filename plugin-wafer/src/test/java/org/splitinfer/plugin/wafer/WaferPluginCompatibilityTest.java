package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** The compatibility kit, run against the plugin's bundled sheet loaded as the host loads it. */
class WaferPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return WaferPlugin.class;
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("cerebras-wse2", "cerebras-wse3");
    }
}
