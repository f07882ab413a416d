package org.splitinfer.plugin.rdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs the compatibility kit against the plugin and its shipped hardware sheet, loaded as the host loads them. */
class RduPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return RduPlugin.class;
    }

    /** The figure names this family adds, as docs/hardware-sheets.md documents them. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("dataflow.reconfigureSeconds", "dataflow.stageSwitchSeconds");
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("sambanova-sn40l");
    }
}
