package org.splitinfer.core.hardware.internal;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.DuplicateAcceleratorException;
import org.splitinfer.core.hardware.HardwareChanges;
import org.splitinfer.core.hardware.HardwareOverrideException;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.SpiVersion;

/**
 * Finds providers on the class path and in plugin folders and jars ({@link PluginFiles}), isolates each plugin of a
 * folder in its own {@link PluginClassLoader}, and turns every failure of one plugin into a {@link PluginProblem} so
 * the others keep working.
 *
 * <p>Each provider is loaded — constructed (its static initializer runs then), asked for its SPI version and its
 * accelerators, each accelerator's constant answers read and checked ({@link GuardedAccelerator}) — on a thread of
 * its own with a deadline ({@value #DEFAULT_LOAD_TIMEOUT_SECONDS} s unless the system property
 * {@value #LOAD_TIMEOUT_PROPERTY} says otherwise): a provider that loops or blocks is reported and skipped, and its
 * thread, which Java cannot stop, is left behind as a daemon that does not keep the JVM alive. Any throwable a
 * plugin throws is contained except the JVM's own internal errors.
 */
public final class PluginDiscovery {
    /** The system property that sets how many seconds a provider may take to load. */
    public static final String LOAD_TIMEOUT_PROPERTY = "splitinfer.pluginLoadTimeoutSeconds";
    /** Seconds a provider may take to load by default: far beyond reading a sheet, short of a hung command. */
    public static final int DEFAULT_LOAD_TIMEOUT_SECONDS = 10;

    private static final System.Logger LOG = System.getLogger(PluginDiscovery.class.getName());
    private static final String SERVICE_FILE = "META-INF/services/" + AcceleratorProvider.class.getName();

    private final YamlHardwareSheetReader sheetReader = new YamlHardwareSheetReader();
    private final Duration loadTimeout;
    /** The changes of the discovery under way; one discovery per instance at a time. */
    private SheetEditor editor = SheetEditor.NONE;
    /** The first change a plugin refused in the discovery under way. */
    private HardwareOverrideException refusal;

    /** Discovery with the deadline of {@value #LOAD_TIMEOUT_PROPERTY}, or the default. */
    public PluginDiscovery() {
        this(configuredLoadTimeout());
    }

    /**
     * @param loadTimeout how long one provider may take to load
     */
    public PluginDiscovery(Duration loadTimeout) {
        if (loadTimeout.isNegative() || loadTimeout.isZero()) {
            throw new IllegalArgumentException("loadTimeout must be > 0, got " + loadTimeout);
        }
        this.loadTimeout = loadTimeout;
    }

    /**
     * What loading one provider gave: its accelerators, or why it was skipped, or the user's change it refused.
     */
    private record Outcome(List<InstalledAccelerator> accelerators, PluginProblem problem,
                           HardwareOverrideException refusal) {
        static Outcome skipped(String origin, String reason) {
            return new Outcome(List.of(), new PluginProblem(origin, reason), null);
        }
    }

    /**
     * Loads every plugin of a search path.
     *
     * @param searchPath where to look
     * @return the registry
     */
    public HardwareRegistry discover(PluginSearchPath searchPath) {
        return discover(searchPath, HardwareChanges.NONE);
    }

    /**
     * Loads every plugin of a search path, each reading its sheet with the what-if changes applied: the user's and
     * the {@code *-hardware.yaml} sheets dropped into its plugin folders.
     *
     * @param searchPath where to look
     * @param changes    the user's changes
     * @return the registry
     * @throws HardwareOverrideException when a change is refused
     */
    public HardwareRegistry discover(PluginSearchPath searchPath, HardwareChanges changes) {
        List<InstalledAccelerator> accelerators = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        List<SheetEditor.AddedSheet> added = new ArrayList<>();
        refusal = null;
        for (Path file : changes.sheetFiles()) {
            try {
                added.add(new SheetEditor.AddedSheet(file.toString(), sheetReader.read(file), false));
            } catch (HardwareDataException e) {
                throw new HardwareOverrideException(e.getMessage(), e);
            }
        }
        for (Path entry : searchPath.directories()) {
            for (Path file : PluginFiles.sheets(entry)) {
                try {
                    added.add(new SheetEditor.AddedSheet(file.toString(), sheetReader.read(file), true));
                } catch (HardwareDataException e) {
                    problems.add(new PluginProblem(file.toString(), e.getMessage()));
                }
            }
        }
        editor = new SheetEditor(changes.overrides(), added);
        if (searchPath.classPath()) {
            loadFrom(PluginDiscovery.class.getClassLoader(), null, null, accelerators, problems);
        }
        for (Path entry : searchPath.directories()) {
            List<PluginProblem> entryProblems = new ArrayList<>();
            for (PluginFiles.Plugin plugin : PluginFiles.in(entry, entryProblems)) {
                PluginClassLoader loader = new PluginClassLoader("plugin " + plugin.path().getFileName(),
                        plugin.jars().toArray(URL[]::new), PluginDiscovery.class.getClassLoader());
                int found = loadFrom(loader, plugin.path().toString(), plugin.path().getFileName().toString(),
                        accelerators, entryProblems);
                if (found == 0) {
                    entryProblems.add(new PluginProblem(plugin.path().toString(), (plugin.singleJar() ? "the jar"
                            : "no jar of the folder") + " names no provider in " + SERVICE_FILE
                            + "; build the plugin with @AutoService(AcceleratorProvider.class)"));
                }
            }
            // the folder's files in sorted order, whether they failed as files or as plugins
            entryProblems.sort(Comparator.comparing(PluginProblem::origin));
            problems.addAll(entryProblems);
        }
        // Problems are part of the result (HardwareRegistry.problems()); the caller decides how to show them,
        // so they are only logged at DEBUG here and never printed twice.
        for (PluginProblem problem : problems) {
            LOG.log(Level.DEBUG, problem.describe());
        }
        if (refusal != null) {
            throw refusal;
        }
        // a sheet dropped into a plugin folder that no plugin could take is skipped and reported, as a bad plugin is
        problems.addAll(editor.skippedSheets());
        HardwareRegistry registry;
        try {
            registry = new HardwareRegistry(accelerators, problems);
        } catch (DuplicateAcceleratorException e) {
            Set<String> newIds = editor.newIds();
            for (String id : newIds) {
                if (e.getMessage().contains("'" + id + "'")) {
                    throw new HardwareOverrideException("the what-if chip '" + id + "' has the id of a chip another"
                            + " plugin provides; give it a new id", e);
                }
            }
            throw e;
        }
        editor.requireAllApplied(registry.ids());
        return registry;
    }

    /** Loads the providers a class loader names; returns how many it names, loadable or not (each reported). */
    private int loadFrom(ClassLoader loader, String origin, String pluginName, List<InstalledAccelerator> accelerators,
                         List<PluginProblem> problems) {
        ServiceLoader<AcceleratorProvider> serviceLoader = ServiceLoader.load(AcceleratorProvider.class, loader);
        Iterator<ServiceLoader.Provider<AcceleratorProvider>> providers = serviceLoader.stream().iterator();
        List<ServiceLoader.Provider<AcceleratorProvider>> found = new ArrayList<>();
        int named = 0;
        // After an error the service iterator moves on to the next entry; the bound only guards a looping one.
        for (int attempts = 0; attempts < 10_000; attempts++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
                named++;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                named++;
                problems.add(new PluginProblem(origin == null ? "on the class path" : origin,
                        "its provider cannot be loaded: " + FaultWords.describe(e)));
            }
        }
        // Providers on the class path come in class-path order: sort them for a deterministic registry.
        found.sort((a, b) -> a.type().getName().compareTo(b.type().getName()));
        for (ServiceLoader.Provider<AcceleratorProvider> provider : found) {
            String where = origin != null ? origin : locationOf(provider.type());
            String name = pluginName != null ? pluginName
                    : where.endsWith(".jar") ? Path.of(where).getFileName().toString() : provider.type().getName();
            Outcome outcome = withDeadline(provider, where, name);
            accelerators.addAll(outcome.accelerators());
            if (outcome.refusal() != null && refusal == null) {
                refusal = outcome.refusal();
            }
            if (outcome.problem() != null) {
                problems.add(outcome.problem());
            }
        }
        return named;
    }

    /** Loads a provider on its own thread, giving up after the deadline. */
    private Outcome withDeadline(ServiceLoader.Provider<AcceleratorProvider> candidate, String origin, String name) {
        FutureTask<Outcome> task = new FutureTask<>(() -> loadProvider(candidate, origin, name));
        Thread thread = new Thread(task, "splitinfer-load " + name);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(loadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return Outcome.skipped(origin, candidate.type().getName() + " did not finish loading within "
                    + seconds(loadTimeout) + " (a loop or a wait in its constructor, static initializer or"
                    + " accelerators()?); the limit is the system property " + LOAD_TIMEOUT_PROPERTY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return Outcome.skipped(origin, "loading " + candidate.type().getName() + " was interrupted");
        } catch (ExecutionException e) {
            // loadProvider contains every throwable but the JVM's internal errors: let those through
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome loadProvider(ServiceLoader.Provider<AcceleratorProvider> candidate, String origin, String name) {
        String className = candidate.type().getName();
        AcceleratorProvider provider;
        try {
            provider = candidate.get();
        } catch (Throwable e) {
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            return Outcome.skipped(origin, className + " cannot be constructed: " + contained(cause));
        }
        List<Accelerator> provided;
        HostProviderContext context = new HostProviderContext(sheetReader, candidate.type().getClassLoader(), editor);
        try {
            SpiVersion built = provider.spiVersion();
            SpiVersion host = SpiVersion.current();
            if (built == null || !built.canRunOn(host)) {
                return Outcome.skipped(origin, className + " was built for SPI " + built
                        + " but this SplitInfer runs SPI " + host + "; rebuild the plugin against splitinfer-spi "
                        + host.major() + ".x");
            }
            provided = provider.accelerators(context);
        } catch (Throwable e) {
            String reason = contained(e);
            return refused(context, reason).orElse(Outcome.skipped(origin, className
                    + " failed while loading its accelerators: " + reason));
        }
        if (provided == null) {
            return Outcome.skipped(origin, className + " returned null instead of its list of accelerators");
        }
        Set<String> ids = new HashSet<>();
        List<InstalledAccelerator> mine = new ArrayList<>();
        try {
            int position = 0;
            for (Accelerator accelerator : provided) {
                position++;
                if (accelerator == null) {
                    return Outcome.skipped(origin, className + " listed null as its accelerator #" + position);
                }
                GuardedAccelerator guarded = GuardedAccelerator.of(accelerator, name, position);
                if (!ids.add(guarded.id())) {
                    return Outcome.skipped(origin, className + " lists accelerator '" + guarded.id() + "' twice");
                }
                mine.add(new InstalledAccelerator(guarded, origin, className));
            }
        } catch (PluginFaultException fault) {
            String reason = "accelerator '" + fault.acceleratorId() + "' failed in " + fault.call() + ": "
                    + fault.problem();
            return refused(context, reason).orElse(Outcome.skipped(origin, className + "'s " + reason));
        } catch (Throwable e) {
            String reason = contained(e);
            return refused(context, reason).orElse(Outcome.skipped(origin, className
                    + " failed while listing its accelerators: " + reason));
        }
        LOG.log(Level.DEBUG, () -> "loaded " + className + " from " + origin + ": " + ids);
        return new Outcome(mine, null, null);
    }

    /**
     * A plugin that failed on a sheet the user changed refuses the change: the user hears it as such, with the
     * plugin's reason (which names the figure), and nothing is skipped silently.
     */
    private static java.util.Optional<Outcome> refused(HostProviderContext context, String reason) {
        if (context.refusal() != null) {
            return java.util.Optional.of(new Outcome(List.of(), null, context.refusal()));
        }
        if (context.changes().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Outcome(List.of(), null, new HardwareOverrideException(
                String.join(", ", culprits(context.changes(), reason)) + " is outside the sheet's rules: " + reason)));
    }

    /**
     * The changes a plugin's refusal is about: the {@code --set}s whose figure its reason names, else the added
     * sheets, else all (a plugin that names no figure).
     */
    static List<String> culprits(List<String> changes, String reason) {
        List<String> named = new ArrayList<>();
        List<String> sheets = new ArrayList<>();
        for (String change : changes) {
            int dot = change.indexOf('.');
            int equals = change.lastIndexOf('=');
            if (change.startsWith("--set ") && dot > 0 && equals > dot
                    && reason.contains(change.substring(dot + 1, equals))) {
                named.add(change);
            } else if (!change.startsWith("--set ")) {
                sheets.add(change);
            }
        }
        return !named.isEmpty() ? named : !sheets.isEmpty() ? sheets : changes;
    }

    /** The words of a throwable a plugin threw while loading; the JVM's internal errors are thrown on. */
    private static String contained(Throwable thrown) {
        if (!FaultWords.survivable(thrown)) {
            throw (Error) thrown;
        }
        LOG.log(Level.DEBUG, "a plugin failed while loading", thrown);
        return FaultWords.describe(thrown);
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the class path" : source.getLocation().getPath();
    }

    /** The deadline the system property sets, or the default. */
    private static Duration configuredLoadTimeout() {
        String value = System.getProperty(LOAD_TIMEOUT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(DEFAULT_LOAD_TIMEOUT_SECONDS);
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (seconds > 0 && seconds <= 86_400) {
                return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new SplitInferException("system property " + LOAD_TIMEOUT_PROPERTY + " = '"
                + FaultWords.oneLine(value) + "' is not a number of seconds in (0, 86400]; give one such as "
                + DEFAULT_LOAD_TIMEOUT_SECONDS);
    }
}
