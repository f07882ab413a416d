package org.splitinfer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the faulty plugins the host must survive, compiled from source against the distribution's SPI jar.
 * Their service files are written by hand because they are test fixtures, not plugins anyone ships.
 */
final class FaultyPlugins {
    private FaultyPlugins() {
    }

    private static final String COMMON = """
            package faulty;
            import java.util.List;
            import org.splitinfer.spi.*;
            """;

    /** A provider whose constructor throws. */
    static Path throwingConstructor(Path work, Path into) throws IOException {
        return jar(work, into, "throwing-constructor.jar", "ThrowingConstructorPlugin", COMMON + """
                public final class ThrowingConstructorPlugin implements AcceleratorProvider {
                    public ThrowingConstructorPlugin() { throw new IllegalStateException("licence server unreachable"); }
                    public Family family() { return Family.GPU; }
                    public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                    public List<Accelerator> accelerators(ProviderContext context) { return List.of(); }
                }
                """);
    }

    /** A provider whose {@code accelerators()} throws. */
    static Path throwingAccelerators(Path work, Path into) throws IOException {
        return jar(work, into, "throwing-accelerators.jar", "ThrowingAcceleratorsPlugin", COMMON + """
                public final class ThrowingAcceleratorsPlugin implements AcceleratorProvider {
                    public Family family() { return Family.GPU; }
                    public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                    public List<Accelerator> accelerators(ProviderContext context) {
                        throw new IllegalStateException("figures file corrupt");
                    }
                }
                """);
    }

    /**
     * A provider built for SPI 2.0: what {@code new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)} compiles to
     * against a future SPI jar whose constants are 2 and 0.
     */
    static Path otherSpiVersion(Path work, Path into) throws IOException {
        return jar(work, into, "future-spi.jar", "FutureSpiPlugin", COMMON + """
                public final class FutureSpiPlugin implements AcceleratorProvider {
                    public Family family() { return Family.GPU; }
                    public SpiVersion spiVersion() { return new SpiVersion(2, 0); }
                    public List<Accelerator> accelerators(ProviderContext context) { return List.of(); }
                }
                """);
    }

    private static Path jar(Path work, Path into, String jarName, String className, String source)
            throws IOException {
        Path sources = Files.createDirectories(work.resolve(className).resolve("src/faulty"));
        Path classes = Files.createDirectories(work.resolve(className).resolve("classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-classpath", spiJar().toString(),
                "-d", classes.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("cannot compile " + className);
        }
        Path jar = into.resolve(jarName);
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream)) {
            out.putNextEntry(new JarEntry("META-INF/services/org.splitinfer.spi.AcceleratorProvider"));
            out.write(("faulty." + className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("faulty/" + className + ".class"));
            out.write(Files.readAllBytes(classes.resolve("faulty/" + className + ".class")));
            out.closeEntry();
        }
        return jar;
    }

    private static Path spiJar() throws IOException {
        try (Stream<Path> lib = Files.list(DistributionProcess.home().resolve("lib"))) {
            List<Path> jars = lib.filter(p -> p.getFileName().toString().startsWith("splitinfer-spi-")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one splitinfer-spi jar in the distribution's lib/, found "
                        + jars);
            }
            return jars.get(0);
        }
    }
}
