package org.splitinfer.plugin.riscv;

import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs the compatibility kit against the plugin and its shipped hardware sheet, loaded as the host loads them. */
class RiscvPluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return RiscvPlugin.class;
    }
}
