package org.splitinfer.core.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginDirectoryException;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.spi.AcceleratorProvider;

class PluginDiscoveryTest {
    @TempDir
    Path temp;

    /** A provider that tries to reach into the host's core: its class loader must not let it. */
    private static final String PEEKING = """
            package peek;
            import java.util.List;
            import org.splitinfer.spi.*;
            public final class PeekingPlugin implements AcceleratorProvider {
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                public List<Accelerator> accelerators(ProviderContext context) {
                    try {
                        Class.forName("org.splitinfer.core.hardware.HardwareRegistry");
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("core is invisible: " + e.getMessage());
                    }
                    return List.of();
                }
            }
            """;

    @Test
    void aDirectoryPluginSeesTheSpiButNotCore() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        jar(plugins.resolve("peek.jar"), "peek.PeekingPlugin", PEEKING);

        HardwareRegistry registry = new PluginDiscovery().discover(new PluginSearchPath(false, List.of(plugins)));

        assertThat(registry.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.origin()).isEqualTo(plugins.resolve("peek.jar").toString());
            assertThat(problem.reason()).isEqualTo("peek.PeekingPlugin failed while loading its accelerators:"
                    + " IllegalStateException (core is invisible: org.splitinfer.core.hardware.HardwareRegistry)");
        });
    }

    @Test
    void aFolderWithoutJarsIsReportedAndSkipped() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.createDirectories(plugins.resolve("empty-plugin"));

        HardwareRegistry registry = new PluginDiscovery().discover(new PluginSearchPath(false, List.of(plugins)));

        assertThat(registry.accelerators()).isEmpty();
        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.describe()).isEqualTo("skipped plugin " + plugins.resolve("empty-plugin")
                        + ": the folder holds no .jar file"));
    }

    @Test
    void aMissingDirectoryIsATypedError() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> new PluginDiscovery().discover(new PluginSearchPath(false, List.of(missing))))
                .isInstanceOf(PluginDirectoryException.class)
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    private static void jar(Path jar, String className, String source) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent().getParent(), "src");
        Path file = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        String spiClassPath = AcceleratorProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
                "-classpath", spiClassPath, "-d", classes.toString(), file.toString());
        assertThat(status).as("fixture compiles").isZero();
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream);
             Stream<Path> compiled = Files.walk(classes)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + AcceleratorProvider.class.getName()));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path path : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }
}
