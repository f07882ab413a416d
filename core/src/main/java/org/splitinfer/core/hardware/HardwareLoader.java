package org.splitinfer.core.hardware;

import org.splitinfer.core.hardware.internal.HostProviderContext;
import org.splitinfer.core.hardware.internal.PluginDiscovery;
import org.splitinfer.core.hardware.internal.YamlHardwareSheetReader;
import org.splitinfer.spi.ProviderContext;

/**
 * Loads the installed hardware plugins. Loading is deterministic: plugin jars and folders are visited in sorted
 * order, and accelerators are listed sorted by id. A plugin built for an incompatible SPI version, one that throws
 * anything while loading or answers what no chip can (a NaN peak, no memory tier), one that takes longer than the
 * load deadline (10 s; the system property {@code splitinfer.pluginLoadTimeoutSeconds}), and a file in a plugin
 * folder that is not a loadable jar are skipped and reported in {@link HardwareRegistry#problems()}; two plugins
 * with the same accelerator id stop loading with a {@link DuplicateAcceleratorException} naming both.
 *
 * <p>Every accelerator the registry holds is guarded: a call into its plugin that throws, or returns a NaN, an
 * infinite or negative time or power, or null, raises a {@link PluginFaultException} naming the plugin and the
 * accelerator.
 */
public final class HardwareLoader {

    /**
     * Loads every plugin on the search path.
     *
     * @param searchPath where to look
     * @return the registry
     * @throws PluginDirectoryException when a folder of the search path is missing or cannot be read
     * @throws DuplicateAcceleratorException when two plugins provide the same id
     */
    public HardwareRegistry load(PluginSearchPath searchPath) {
        return new PluginDiscovery().discover(searchPath);
    }

    /**
     * Loads every plugin on the search path, each reading its hardware sheet with what-if changes applied: the
     * user's figures and added sheets, and the {@code *-hardware.yaml} sheets dropped into the plugin folders. The
     * plugins model the changed chips as they model their own.
     *
     * @param searchPath where to look
     * @param changes    figures to set and sheets to add
     * @return the registry
     * @throws HardwareOverrideException when a change names an unknown chip or figure, a value the plugin's rules
     *                                   refuse, a family no plugin models, or an id already installed
     * @since 0.2
     */
    public HardwareRegistry load(PluginSearchPath searchPath, HardwareChanges changes) {
        return new PluginDiscovery().discover(searchPath, changes);
    }

    /**
     * The context the host hands a provider whose resources live in {@code pluginLoader}; the compatibility kit
     * uses it to run a plugin exactly as the host does.
     *
     * @param pluginLoader the provider's class loader
     * @return a context with the host's strict hardware-sheet parser
     */
    public static ProviderContext contextFor(ClassLoader pluginLoader) {
        return new HostProviderContext(new YamlHardwareSheetReader(), pluginLoader);
    }
}
