package org.splitinfer.core.hardware.internal;

import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;

/** What the host hands a provider: a sheet reader bound to the provider's own class loader. */
public final class HostProviderContext implements ProviderContext {
    private final YamlHardwareSheetReader reader;
    private final ClassLoader pluginLoader;

    /**
     * @param reader       the host's sheet parser
     * @param pluginLoader the provider's class loader, where its resources live
     */
    public HostProviderContext(YamlHardwareSheetReader reader, ClassLoader pluginLoader) {
        this.reader = reader;
        this.pluginLoader = pluginLoader;
    }

    @Override
    public HardwareSheet sheet(String resourceName) {
        return reader.read(resourceName, pluginLoader);
    }
}
