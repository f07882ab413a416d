package org.splitinfer.core.hardware;

import org.splitinfer.spi.Accelerator;

/**
 * An accelerator and the plugin it came from.
 *
 * @param accelerator the chip
 * @param origin      the jar, folder or class path entry of its provider
 * @param provider    the provider's class name
 */
public record InstalledAccelerator(Accelerator accelerator, String origin, String provider) {
    /** @return the chip's id */
    public String id() {
        return accelerator.spec().id();
    }
}
