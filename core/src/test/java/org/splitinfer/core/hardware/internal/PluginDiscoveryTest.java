package org.splitinfer.core.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginDirectoryException;
import org.splitinfer.core.hardware.PluginProblem;
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
                    + " core is invisible: org.splitinfer.core.hardware.HardwareRegistry");
        });
    }

    /** A provider that never returns from accelerators() until its thread is interrupted. */
    private static final String WAITING = """
            package hang;
            import java.util.List;
            import org.splitinfer.spi.*;
            public final class WaitingPlugin implements AcceleratorProvider {
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                public List<Accelerator> accelerators(ProviderContext context) {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    return List.of();
                }
            }
            """;

    /** A provider whose static initializer overflows its stack. */
    private static final String RECURSING = """
            package deep;
            import java.util.List;
            import org.splitinfer.spi.*;
            public final class RecursingPlugin implements AcceleratorProvider {
                static final int DEPTH = depth(0);
                static int depth(int n) { return depth(n + 1) + 1; }
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                public List<Accelerator> accelerators(ProviderContext context) { return List.of(); }
            }
            """;

    @Test
    void aProviderThatDoesNotFinishLoadingIsSkippedAtTheDeadlineAndTheRestLoads() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        jar(plugins.resolve("hang.jar"), "hang.WaitingPlugin", WAITING);
        jar(plugins.resolve("peek.jar"), "peek.PeekingPlugin", PEEKING);

        HardwareRegistry registry = new PluginDiscovery(Duration.ofMillis(200))
                .discover(new PluginSearchPath(false, List.of(plugins)));

        assertThat(registry.problems()).extracting(PluginProblem::describe).containsExactly(
                "skipped plugin " + plugins.resolve("hang.jar") + ": hang.WaitingPlugin did not finish loading within"
                        + " 0.2 s (a loop or a wait in its constructor, static initializer or accelerators()?); the"
                        + " limit is the system property splitinfer.pluginLoadTimeoutSeconds",
                "skipped plugin " + plugins.resolve("peek.jar") + ": peek.PeekingPlugin failed while loading its"
                        + " accelerators: core is invisible: org.splitinfer.core.hardware.HardwareRegistry");
    }

    @Test
    void aStackOverflowInAStaticInitializerIsContained() throws IOException {
        Path jar = Files.createDirectories(temp.resolve("plugins")).resolve("deep.jar");
        jar(jar, "deep.RecursingPlugin", RECURSING);

        // one jar given as the whole search-path entry, as --plugins FILE.jar gives it
        HardwareRegistry registry = new PluginDiscovery().discover(new PluginSearchPath(false, List.of(jar)));

        assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.describe()).isEqualTo(
                "skipped plugin " + jar + ": deep.RecursingPlugin cannot be constructed: its stack overflowed"
                        + " (unbounded recursion?)"));
    }

    @Test
    void filesInAPluginFolderThatAreNotLoadableJarsAreEachReported() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.write(plugins.resolve("empty.jar"), new byte[0]);
        Files.write(plugins.resolve("random.jar"), new byte[] {0x13, 0x37, 0x42, 0x00, 0x7f, 0x01, 0x02, 0x03});
        Files.writeString(plugins.resolve("notes.txt"), "not a plugin");
        Files.writeString(plugins.resolve(".DS_Store"), "hidden files are left alone");
        try (OutputStream stream = Files.newOutputStream(plugins.resolve("library.jar"));
             JarOutputStream out = new JarOutputStream(stream)) {
            out.putNextEntry(new JarEntry("com/example/readme.txt"));
            out.closeEntry();
        }

        HardwareRegistry registry = new PluginDiscovery().discover(new PluginSearchPath(false, List.of(plugins)));

        assertThat(registry.problems()).extracting(PluginProblem::describe).containsExactly(
                "skipped plugin " + plugins.resolve("empty.jar") + ": the file is empty, not a jar",
                "skipped plugin " + plugins.resolve("library.jar") + ": the jar names no provider in"
                        + " META-INF/services/org.splitinfer.spi.AcceleratorProvider; build the plugin with"
                        + " @AutoService(AcceleratorProvider.class)",
                "skipped plugin " + plugins.resolve("notes.txt") + ": it is not a plugin: a plugin is a .jar file"
                        + " or a folder of jars; move other files out of the plugin folder",
                "skipped plugin " + plugins.resolve("random.jar") + ": the file is not a jar (a zip file); rebuild"
                        + " or download the plugin again");
    }

    @Test
    void aServiceFileNamingAMissingClassIsReportedOnce() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        try (OutputStream stream = Files.newOutputStream(plugins.resolve("ghost.jar"));
             JarOutputStream out = new JarOutputStream(stream)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + AcceleratorProvider.class.getName()));
            out.write("ghost.GhostPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        HardwareRegistry registry = new PluginDiscovery().discover(new PluginSearchPath(false, List.of(plugins)));

        assertThat(registry.problems()).extracting(PluginProblem::describe).containsExactly("skipped plugin "
                + plugins.resolve("ghost.jar") + ": its provider cannot be loaded: org.splitinfer.spi.AcceleratorProvider:"
                + " Provider ghost.GhostPlugin not found");
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

    @Test
    void aSearchPathFileThatIsNeitherAFolderNorAJarIsATypedError() throws IOException {
        Path notes = Files.writeString(temp.resolve("plugins.txt"), "a list of plugins");

        assertThatThrownBy(() -> new PluginDiscovery().discover(new PluginSearchPath(false, List.of(notes))))
                .isInstanceOf(PluginDirectoryException.class)
                .hasMessage("plugin path '" + notes + "' is neither a folder of plugins nor a .jar file; check the"
                        + " plugin search path");
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
