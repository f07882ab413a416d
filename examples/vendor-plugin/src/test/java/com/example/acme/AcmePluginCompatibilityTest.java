package com.example.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs SplitInfer's compatibility kit against the example plugin: this is all a vendor writes. */
class AcmePluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return AcmePlugin.class;
    }

    /** The figure names this family adds to the host's: its Ethernet link. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("link.bytesPerSecond", "link.latencySeconds");
    }

    @Test
    void listsTheExampleChipAsProjected() {
        assertThat(accelerators()).singleElement().satisfies(chip -> {
            assertThat(chip.spec().id()).isEqualTo("acme-npu-1");
            assertThat(chip.spec().status()).isEqualTo(org.splitinfer.spi.Status.PROJECTED);
        });
    }
}
