package org.splitinfer.core.hardware.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

/**
 * The class loader of one plugin: its own jars, the JDK, and the host's {@code org.splitinfer.spi} package,
 * nothing else. A plugin therefore cannot see (or clash with) core, Jackson, Guice or another plugin, and may
 * bring its own versions of any library in its folder.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String SPI_PACKAGE = "org.splitinfer.spi.";
    private static final String SPI_RESOURCES = "org/splitinfer/spi/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    PluginClassLoader(String name, URL[] jars, ClassLoader host) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(SPI_RESOURCES) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SPI_RESOURCES) ? host.getResources(name) : super.getResources(name);
    }

    @Override
    public String toString() {
        return getName();
    }

}
