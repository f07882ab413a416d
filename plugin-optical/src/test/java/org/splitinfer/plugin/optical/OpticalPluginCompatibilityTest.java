package org.splitinfer.plugin.optical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs the compatibility kit against the plugin and its shipped hardware sheet, loaded as the host loads them. */
class OpticalPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return OpticalPlugin.class;
    }

    /** The figure names this family adds, as docs/hardware-sheets.md documents them. */
    @Override
    protected Set<String> familyFigureNames() {
        return Set.of("conversion.joulesPerByte", "conversion.secondsPerVector", "opticalMatrix.columns",
                "opticalMatrix.count", "opticalMatrix.loadSeconds", "opticalMatrix.rows", "target.opsPerJoule",
                "target.systemOpsPerSecond", "target.systemWatts");
    }

    @Test
    void providesEveryChipOfItsSheetEachAsOneChip() {
        assertThat(accelerators()).extracting(a -> a.spec().id())
                .containsExactlyInAnyOrder("lightmatter-envise", "lumai-tetra-2029");
    }
}
