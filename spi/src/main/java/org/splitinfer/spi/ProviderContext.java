package org.splitinfer.spi;

/**
 * What the host offers a provider while it builds its accelerators.
 *
 * @since 0.1
 */
public interface ProviderContext {

    /**
     * Reads a hardware sheet (the documented YAML schema, see {@link HardwareSheet}) from the provider's own
     * class loader. The host parses it strictly: unknown keys, missing sources and bad values are all reported
     * together in one {@link HardwareDataException}.
     *
     * @param resourceName class-path resource name, e.g. {@code org/splitinfer/plugin/gpu/gpu-hardware.yaml}
     * @return the parsed sheet
     * @throws HardwareDataException if the resource is missing or malformed
     * @since 0.1
     */
    HardwareSheet sheet(String resourceName);
}
