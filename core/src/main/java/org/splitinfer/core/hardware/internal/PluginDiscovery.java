package org.splitinfer.core.hardware.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.hardware.PluginDirectoryException;
import org.splitinfer.core.hardware.PluginProblem;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.SpiVersion;

/**
 * Finds providers on the class path and in plugin directories, isolates each directory plugin in its own
 * {@link PluginClassLoader}, and turns every failure of one plugin into a {@link PluginProblem} so the others keep
 * working.
 */
public final class PluginDiscovery {
    private static final System.Logger LOG = System.getLogger(PluginDiscovery.class.getName());

    private final YamlHardwareSheetReader sheetReader = new YamlHardwareSheetReader();

    /**
     * Loads every plugin of a search path.
     *
     * @param searchPath where to look
     * @return the registry
     */
    public HardwareRegistry discover(PluginSearchPath searchPath) {
        List<InstalledAccelerator> accelerators = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        if (searchPath.classPath()) {
            ClassLoader host = PluginDiscovery.class.getClassLoader();
            loadFrom(host, null, accelerators, problems);
        }
        for (Path directory : searchPath.directories()) {
            for (Path plugin : pluginsIn(directory)) {
                URL[] jars = jarsOf(plugin);
                if (jars.length == 0) {
                    problems.add(new PluginProblem(plugin.toString(), "the folder holds no .jar file"));
                    continue;
                }
                PluginClassLoader loader = new PluginClassLoader("plugin " + plugin.getFileName(), jars,
                        PluginDiscovery.class.getClassLoader());
                loadFrom(loader, plugin.toString(), accelerators, problems);
            }
        }
        // Problems are part of the result (HardwareRegistry.problems()); the caller decides how to show them,
        // so they are only logged at DEBUG here and never printed twice.
        for (PluginProblem problem : problems) {
            LOG.log(Level.DEBUG, problem.describe());
        }
        return new HardwareRegistry(accelerators, problems);
    }

    private void loadFrom(ClassLoader loader, String origin, List<InstalledAccelerator> accelerators,
                          List<PluginProblem> problems) {
        ServiceLoader<AcceleratorProvider> serviceLoader = ServiceLoader.load(AcceleratorProvider.class, loader);
        Iterator<ServiceLoader.Provider<AcceleratorProvider>> providers = serviceLoader.stream().iterator();
        List<ServiceLoader.Provider<AcceleratorProvider>> found = new ArrayList<>();
        // After an error the service iterator moves on to the next entry; the bound only guards a looping one.
        for (int attempts = 0; attempts < 10_000; attempts++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(origin == null ? "on the class path" : origin,
                        "its provider cannot be loaded: " + reason(e)));
            }
        }
        // Providers on the class path come in class-path order: sort them for a deterministic registry.
        found.sort((a, b) -> a.type().getName().compareTo(b.type().getName()));
        for (ServiceLoader.Provider<AcceleratorProvider> provider : found) {
            String where = origin != null ? origin : locationOf(provider.type());
            loadProvider(provider, where, accelerators, problems);
        }
    }

    private void loadProvider(ServiceLoader.Provider<AcceleratorProvider> candidate, String origin,
                              List<InstalledAccelerator> accelerators, List<PluginProblem> problems) {
        String className = candidate.type().getName();
        AcceleratorProvider provider;
        try {
            provider = candidate.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            problems.add(new PluginProblem(origin, className + " cannot be constructed: " + reason(cause)));
            return;
        }
        try {
            SpiVersion built = provider.spiVersion();
            SpiVersion host = SpiVersion.current();
            if (built == null || !built.canRunOn(host)) {
                problems.add(new PluginProblem(origin, className + " was built for SPI " + built
                        + " but this SplitInfer runs SPI " + host + "; rebuild the plugin against splitinfer-spi "
                        + host.major() + ".x"));
                return;
            }
            List<Accelerator> provided = provider.accelerators(new HostProviderContext(sheetReader,
                    candidate.type().getClassLoader()));
            Set<String> ids = new HashSet<>();
            List<InstalledAccelerator> mine = new ArrayList<>();
            for (Accelerator accelerator : provided) {
                String id = accelerator.spec().id();
                if (!ids.add(id)) {
                    problems.add(new PluginProblem(origin, className + " lists accelerator '" + id + "' twice"));
                    return;
                }
                mine.add(new InstalledAccelerator(accelerator, origin, className));
            }
            accelerators.addAll(mine);
            LOG.log(Level.DEBUG, () -> "loaded " + className + " from " + origin + ": " + ids);
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(origin, className + " failed while loading its accelerators: "
                    + reason(e)));
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the class path" : source.getLocation().getPath();
    }

    private static List<Path> pluginsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PluginDirectoryException("plugin directory '" + directory
                    + "' does not exist or is not a directory; check the plugin search path");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginDirectoryException("cannot read plugin directory '" + directory + "': " + e.getMessage());
        }
    }

    private static URL[] jarsOf(Path plugin) {
        List<Path> jars;
        if (Files.isDirectory(plugin)) {
            try (Stream<Path> entries = Files.list(plugin)) {
                jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new PluginDirectoryException("cannot read plugin folder '" + plugin + "': " + e.getMessage());
            }
        } else {
            jars = List.of(plugin);
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginDirectoryException("cannot use plugin jar '" + jars.get(i) + "': " + e.getMessage());
            }
        }
        return urls;
    }
}
