package com.example.acme;

import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.testkit.AcceleratorProviderContract;

/** Runs SplitInfer's compatibility kit against the example plugin: this is all a vendor writes. */
class AcmePluginCompatibilityTest extends AcceleratorProviderContract {
    @Override
    protected Class<? extends AcceleratorProvider> providerType() {
        return AcmePlugin.class;
    }
}
