package org.splitinfer.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.splitinfer.spi.AcceleratorProvider;

/** Packs a fixture provider of the test classes (and its nested classes and a resource) into a plugin jar. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Writes {@code folder/<name>.jar} holding the provider's classes, the resources named and its service entry.
     *
     * @param folder    the plugin folder
     * @param provider  a provider class that depends on the SPI only
     * @param resources class-path resources to copy in
     * @return the jar
     * @throws IOException when a file cannot be written
     */
    public static Path write(Path folder, Class<? extends AcceleratorProvider> provider, List<String> resources)
            throws IOException {
        Path jar = folder.resolve(provider.getSimpleName() + ".jar");
        String prefix = provider.getName().replace('.', '/');
        Path classes;
        try {
            classes = Path.of(provider.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream);
             Stream<Path> compiled = Files.walk(classes.resolve(prefix).getParent())) {
            out.putNextEntry(new JarEntry("META-INF/services/" + AcceleratorProvider.class.getName()));
            out.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path path : compiled.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (name.equals(prefix + ".class") || name.startsWith(prefix + "$")) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(path));
                    out.closeEntry();
                }
            }
            for (String resource : resources) {
                try (InputStream in = provider.getClassLoader().getResourceAsStream(resource)) {
                    out.putNextEntry(new JarEntry(resource));
                    out.write(in.readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
