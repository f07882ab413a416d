package org.splitinfer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.splitinfer.spi.AcceleratorProvider;

/**
 * Builds the faulty plugins the host must survive, compiled from source against the SPI the tests run with. Their
 * service files are written by hand because they are test fixtures, not plugins anyone ships.
 *
 * <p>One compilation serves every jar: a jar's behaviour is its resource {@code faulty/fault.txt}, which the plugin
 * reads with its own class loader. A load-fault jar ({@link #loadFault}) misbehaves where and how its fault says:
 * {@code constructor:stack-overflow}, {@code static:loop}, {@code accelerators:null}. The run-fault jar
 * ({@link #runFaults}) provides one accelerator per row of {@link #RUN_FAULTS}, an honest plain-roofline chip whose
 * one call misbehaves.
 */
final class FaultyPlugins {
    private FaultyPlugins() {
    }

    /** How a plugin throws: each kind of throwable the host must contain. */
    static final List<String> THROWN = List.of("runtime", "stack-overflow", "assertion", "out-of-memory", "linkage");

    /** Where and how a plugin fails while it loads, in the order a sorted plugin folder lists their jars. */
    static final List<String> LOAD_FAULTS = loadFaults();

    /**
     * One accelerator of the run-fault jar.
     *
     * @param id   its id, e.g. {@code faulty-kernel-seconds-nan}
     * @param call the SPI method that misbehaves
     * @param kind how: a kind of {@link #THROWN}, {@code nan}, {@code negative}, {@code null} or {@code print}
     */
    record RunFault(String id, String call, String kind) {
    }

    /** The run-time matrix: every throwable in each call the host makes while it estimates, then bad answers. */
    static final List<RunFault> RUN_FAULTS = runFaults();

    private static List<String> loadFaults() {
        List<String> faults = new ArrayList<>();
        for (String where : List.of("accelerators", "constructor", "static")) {
            for (String kind : THROWN) {
                faults.add(where + ":" + kind);
            }
        }
        faults.addAll(List.of("accelerators:loop", "accelerators:null", "accelerators:null-element",
                "accelerators:nan-idle-watts", "static:loop"));
        return List.copyOf(faults);
    }

    private static List<RunFault> runFaults() {
        List<RunFault> faults = new ArrayList<>();
        for (String call : List.of("kernelSeconds", "stepTiming", "place", "collectiveSeconds", "watts")) {
            for (String kind : THROWN) {
                faults.add(runFault(call, kind));
            }
        }
        for (String call : List.of("kernelSeconds", "collectiveSeconds", "watts")) {
            faults.add(runFault(call, "nan"));
            faults.add(runFault(call, "negative"));
        }
        faults.add(runFault("place", "null"));
        faults.add(runFault("stepTiming", "null"));
        faults.add(runFault("kernelSeconds", "print"));
        return List.copyOf(faults);
    }

    private static RunFault runFault(String call, String kind) {
        return new RunFault("faulty-" + call.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) + "-"
                + kind, call, kind);
    }

    private static final String FAULTS = """
            package faulty;
            import java.util.*;
            import org.splitinfer.spi.*;
            /** What a fault does: throw a kind of throwable, loop, or print. */
            final class Faults {
                static void act(String kind) {
                    switch (kind) {
                        case "runtime" -> throw new IllegalStateException("licence server unreachable");
                        case "stack-overflow" -> recurse(0);
                        case "assertion" -> throw new AssertionError("tile sizes must be powers of two");
                        case "out-of-memory" -> throw new OutOfMemoryError("Java heap space");
                        case "linkage" -> Missing.touch();
                        case "loop" -> spin();
                        case "print" -> System.out.println("ACME SDK 3.1 says hello on stdout");
                        default -> throw new IllegalArgumentException("unknown fault " + kind);
                    }
                }
                static int recurse(int depth) { return recurse(depth + 1) + 1; }
                static void spin() { while (true) { Thread.onSpinWait(); } }
                static String resource() {
                    try (var in = Faults.class.getResourceAsStream("/faulty/fault.txt")) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """;

    /** Compiled, but left out of every jar: touching it is a NoClassDefFoundError, a real LinkageError. */
    private static final String MISSING = """
            package faulty;
            final class Missing { static void touch() { } }
            """;

    private static final String LOAD_FAULT_PLUGIN = """
            package faulty;
            import java.util.*;
            import org.splitinfer.spi.*;
            public final class LoadFaultPlugin implements AcceleratorProvider {
                static final String FAULT = Faults.resource();
                static {
                    if (FAULT.startsWith("static:")) { Faults.act(FAULT.substring(7)); }
                }
                public LoadFaultPlugin() {
                    if (FAULT.startsWith("constructor:")) { Faults.act(FAULT.substring(12)); }
                }
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                public List<Accelerator> accelerators(ProviderContext context) {
                    if (!FAULT.startsWith("accelerators:")) { return List.of(); }
                    String kind = FAULT.substring(13);
                    switch (kind) {
                        case "null": return null;
                        case "null-element": return Arrays.asList((Accelerator) null);
                        case "nan-idle-watts": return List.of(new FaultyChip("load-nan-idle", "idleWatts", "nan"));
                        default: Faults.act(kind); return List.of();
                    }
                }
            }
            """;

    private static final String RUN_FAULT_PLUGIN = """
            package faulty;
            import java.util.*;
            import org.splitinfer.spi.*;
            public final class RunFaultPlugin implements AcceleratorProvider {
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR); }
                public List<Accelerator> accelerators(ProviderContext context) {
                    List<Accelerator> chips = new ArrayList<>();
                    for (String line : Faults.resource().split("\\n")) {
                        String[] row = line.split(" ");
                        chips.add(row[1].equals("stepTiming") ? new StepFaultyChip(row[0], row[1], row[2])
                                : new FaultyChip(row[0], row[1], row[2]));
                    }
                    return chips;
                }
            }
            """;

    /** An honest plain-roofline chip, H100-like in round figures, whose one call misbehaves. */
    private static final String FAULTY_CHIP = """
            package faulty;
            import java.util.*;
            import org.splitinfer.spi.*;
            class FaultyChip implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
                private final String id;
                private final String call;
                private final String kind;
                FaultyChip(String id, String call, String kind) { this.id = id; this.call = call; this.kind = kind; }
                double number(String here, double honest) {
                    if (!here.equals(call)) { return honest; }
                    switch (kind) {
                        case "nan": return Double.NaN;
                        case "negative": return -1;
                        default: Faults.act(kind); return honest;
                    }
                }
                <T> T object(String here, T honest) {
                    if (!here.equals(call)) { return honest; }
                    if (kind.equals("null")) { return null; }
                    Faults.act(kind);
                    return honest;
                }
                public AcceleratorSpec spec() {
                    return new AcceleratorSpec(id, Family.GPU, "Faulty", id, Status.SHIPPING,
                            List.of(new Source("faulty", "a test fixture", null, "2026", "round figures")), List.of());
                }
                public Roofline roofline() { return this; }
                public MemoryModel memory() { return this; }
                public Interconnect interconnect() { return this; }
                public PowerModel power() { return this; }
                public Optional<Price> price() {
                    return Optional.of(new Price(OptionalDouble.of(30_000), OptionalDouble.empty()));
                }
                public List<Precision> computePrecisions() { return List.of(Precision.BF16, Precision.FP8); }
                public double peakFlopsPerSecond(Precision precision) {
                    if (precision.equals(Precision.BF16)) { return 1e15; }
                    if (precision.equals(Precision.FP8)) { return 2e15; }
                    throw new UnsupportedPrecisionException(id, precision, computePrecisions());
                }
                public double kernelSeconds(Kernel kernel, Residency residency) {
                    double honest = kernel.count() * Math.max(kernel.flops() / peakFlopsPerSecond(kernel.precision()),
                            kernel.bytesMoved().total() / 3e12);
                    return number("kernelSeconds", honest);
                }
                public List<MemoryTier> tiers() { return List.of(new MemoryTier("hbm", 80e9, 3e12, true, 0.9)); }
                public Placement place(Footprint footprint, int chips) {
                    double perChip = footprint.totalBytes() / chips;
                    double free = 72e9 - (footprint.weightBytes() + footprint.activationBytes()) / chips;
                    long kv = footprint.kvBytesPerToken() == 0 || free <= 0 ? 0
                            : (long) Math.floor(free / footprint.kvBytesPerToken());
                    return object("place", new Placement("full-speed", chips,
                            List.of(new TierUsage("hbm", Math.min(perChip, 80e9), 0, 0)), perChip <= 72e9, kv,
                            Residency.allIn("hbm"), "everything in HBM"));
                }
                public int scaleUpDomainChips() { return 8; }
                public double scaleUpBytesPerSecond() { return 4.5e11; }
                public double scaleOutBytesPerSecond() { return 5e10; }
                public double collectiveSeconds(Collective collective) {
                    int n = collective.participants();
                    double steps = n == 1 ? 0 : 2.0 * (n - 1);
                    return number("collectiveSeconds",
                            collective.count() * (steps / n * collective.bytes() / 4.5e11 + steps * 1e-6));
                }
                public double transferSeconds(double bytes, Reach reach) { return 5e-6 + bytes / 5e10; }
                public double idleWatts() { return number("idleWatts", 100); }
                public double peakWatts() { return 700; }
                public double watts(double utilisation) {
                    return number("watts", PowerModel.super.watts(utilisation));
                }
                public double nodeOverheadWattsPerChip() { return 300; }
            }
            """;

    private static final String STEP_FAULTY_CHIP = """
            package faulty;
            import org.splitinfer.spi.*;
            /** A faulty chip with its own step model, so that its step timing can misbehave. */
            final class StepFaultyChip extends FaultyChip {
                StepFaultyChip(String id, String call, String kind) { super(id, call, kind); }
                public StepTiming stepTiming(Step step) { return object("stepTiming", super.stepTiming(step)); }
            }
            """;

    private static final String FUTURE_SPI_PLUGIN = """
            package faulty;
            import java.util.List;
            import org.splitinfer.spi.*;
            public final class FutureSpiPlugin implements AcceleratorProvider {
                public Family family() { return Family.GPU; }
                public SpiVersion spiVersion() { return new SpiVersion(2, 0); }
                public List<Accelerator> accelerators(ProviderContext context) { return List.of(); }
            }
            """;

    /**
     * A plugin that fails while it loads.
     *
     * @param work  a folder for sources and classes, shared by the jars of one test class
     * @param into  the plugin folder
     * @param fault where and how, a row of {@link #LOAD_FAULTS}
     * @return the jar, {@code load-<where>-<kind>.jar}
     */
    static Path loadFault(Path work, Path into, String fault) throws IOException {
        return jar(work, into.resolve("load-" + fault.replace(':', '-') + ".jar"), "LoadFaultPlugin", fault);
    }

    /**
     * The plugin of the run-time matrix: one accelerator per row of {@link #RUN_FAULTS}.
     *
     * @param work a folder for sources and classes
     * @param into the plugin folder
     * @return the jar, {@code run-faults.jar}
     */
    static Path runFaults(Path work, Path into) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (RunFault fault : RUN_FAULTS) {
            rows.append(fault.id()).append(' ').append(fault.call()).append(' ').append(fault.kind()).append('\n');
        }
        return jar(work, into.resolve("run-faults.jar"), "RunFaultPlugin", rows.toString());
    }

    /**
     * A provider built for SPI 2.0: what {@code new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)} compiles to
     * against a future SPI jar whose constants are 2 and 0.
     */
    static Path otherSpiVersion(Path work, Path into) throws IOException {
        return jar(work, into.resolve("future-spi.jar"), "FutureSpiPlugin", "");
    }

    private static Path jar(Path work, Path jar, String provider, String fault) throws IOException {
        Path classes = compiled(work);
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream);
             Stream<Path> files = Files.list(classes.resolve("faulty"))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + AcceleratorProvider.class.getName()));
            out.write(("faulty." + provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("faulty/fault.txt"));
            out.write(fault.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().equals("Missing.class")) {
                    out.putNextEntry(new JarEntry("faulty/" + file.getFileName()));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** Compiles every fixture once per work folder, against the SPI on the tests' class path. */
    private static synchronized Path compiled(Path work) throws IOException {
        Path classes = work.resolve("faulty-classes");
        if (Files.isDirectory(classes)) {
            return classes;
        }
        Path sources = Files.createDirectories(work.resolve("faulty-sources/faulty"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-classpath", spiClassPath(), "-d",
                Files.createDirectories(classes).toString()));
        String[][] files = {{"Faults", FAULTS}, {"Missing", MISSING}, {"LoadFaultPlugin", LOAD_FAULT_PLUGIN},
                {"RunFaultPlugin", RUN_FAULT_PLUGIN}, {"FaultyChip", FAULTY_CHIP}, {"StepFaultyChip", STEP_FAULTY_CHIP},
                {"FutureSpiPlugin", FUTURE_SPI_PLUGIN}};
        for (String[] file : files) {
            arguments.add(Files.writeString(sources.resolve(file[0] + ".java"), file[1]).toString());
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("cannot compile the faulty plugins");
        }
        return classes;
    }

    private static String spiClassPath() {
        try {
            return Path.of(AcceleratorProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
