package org.splitinfer.spi;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry of a hardware plugin. One {@code public final} class per plugin with
 * a public no-argument constructor that does no work; register it with
 * {@code @AutoService(AcceleratorProvider.class)}.
 *
 * @since 0.1
 */
public interface AcceleratorProvider {

    /**
     * The family this plugin models.
     *
     * @return the family
     * @since 0.1
     */
    Family family();

    /**
     * The SPI version this plugin was compiled against. Implement it as
     * {@code return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);}: the constants are copied into the
     * plugin's class file when it is compiled, so the value reflects the plugin's build, and the host compares it
     * with {@link SpiVersion#current()}.
     *
     * @return the version
     * @since 0.1
     */
    SpiVersion spiVersion();

    /**
     * The chips this plugin provides. Called once per host; may read the plugin's own resources through
     * {@code context}.
     *
     * @param context what the host offers the plugin (its hardware-sheet reader)
     * @return accelerators, ids unique
     * @throws HardwareDataException if the plugin's data is malformed
     * @since 0.1
     */
    List<Accelerator> accelerators(ProviderContext context);
}
