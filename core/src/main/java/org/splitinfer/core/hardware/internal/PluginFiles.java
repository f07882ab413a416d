package org.splitinfer.core.hardware.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.splitinfer.core.hardware.PluginDirectoryException;
import org.splitinfer.core.hardware.PluginProblem;

/**
 * The plugins one entry of the search path holds, on disk. An entry is a plugin folder or one plugin jar. In a
 * plugin folder each {@code .jar} is one plugin and each sub-folder of jars is one plugin that brings its own
 * dependencies; anything else there (a {@code .txt}, a stray file) is reported, as is a jar that is empty or not a
 * zip file, since the class loader would silently skip it. Hidden files (a name starting with a dot) are left alone.
 * Entries are visited in sorted order.
 */
final class PluginFiles {
    private PluginFiles() {
    }

    /**
     * One plugin: a jar, or a folder of jars.
     *
     * @param path the jar or the folder
     * @param jars its jars, sorted
     */
    record Plugin(Path path, List<URL> jars) {
        Plugin {
            jars = List.copyOf(jars);
        }

        /** @return whether the plugin is one jar rather than a folder of jars */
        boolean singleJar() {
            return !Files.isDirectory(path);
        }
    }

    /**
     * The plugins of a search-path entry; what cannot be a plugin is reported.
     *
     * @param entry    a plugin folder or one plugin jar
     * @param problems where files that are not plugins are reported
     * @return the plugins, sorted by path
     * @throws PluginDirectoryException when the entry does not exist, is neither a folder nor a jar, or cannot be read
     */
    static List<Plugin> in(Path entry, List<PluginProblem> problems) {
        if (Files.isRegularFile(entry) && isJarName(entry)) {
            return usable(entry, List.of(entry), problems);
        }
        if (!Files.exists(entry)) {
            throw new PluginDirectoryException("plugin path '" + entry + "' does not exist; check the plugin search"
                    + " path");
        }
        if (!Files.isDirectory(entry)) {
            throw new PluginDirectoryException("plugin path '" + entry + "' is neither a folder of plugins nor a .jar"
                    + " file; check the plugin search path");
        }
        List<Plugin> plugins = new ArrayList<>();
        for (Path path : list(entry)) {
            if (Files.isDirectory(path)) {
                List<Path> jars = list(path).stream().filter(PluginFiles::isJarName).toList();
                if (jars.isEmpty()) {
                    problems.add(new PluginProblem(path.toString(), "the folder holds no .jar file"));
                } else {
                    plugins.addAll(usable(path, jars, problems));
                }
            } else if (isJarName(path)) {
                plugins.addAll(usable(path, List.of(path), problems));
            } else if (isSheetName(path)) {
                continue; // a hardware sheet for an installed family's plugin: see sheets()
            } else {
                problems.add(new PluginProblem(path.toString(), "it is not a plugin: a plugin is a .jar file or a"
                        + " folder of jars; move other files out of the plugin folder"));
            }
        }
        return plugins;
    }

    /**
     * The hardware sheets dropped into a plugin folder: {@code *-hardware.yaml} files, whose chips the plugin of
     * their family models.
     *
     * @param entry a plugin folder or one plugin jar
     * @return the sheets' paths, sorted; none for a jar or a missing entry
     */
    static List<Path> sheets(Path entry) {
        if (!Files.isDirectory(entry)) {
            return List.of();
        }
        return list(entry).stream().filter(p -> Files.isRegularFile(p) && isSheetName(p)).toList();
    }

    private static boolean isSheetName(Path path) {
        return path.getFileName().toString().endsWith(SHEET_SUFFIX);
    }

    /** How the name of a hardware sheet dropped into a plugin folder ends. */
    static final String SHEET_SUFFIX = "-hardware.yaml";

    private static boolean isJarName(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }

    /** The plugin, unless one of its jars cannot be read as a jar: then it is reported and left out. */
    private static List<Plugin> usable(Path plugin, List<Path> jars, List<PluginProblem> problems) {
        List<URL> urls = new ArrayList<>(jars.size());
        for (Path jar : jars) {
            String problem = jarProblem(jar);
            if (problem != null) {
                problems.add(new PluginProblem(plugin.toString(), jar.equals(plugin) ? problem
                        : jar.getFileName() + ": " + problem));
                return List.of();
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                problems.add(new PluginProblem(plugin.toString(), "its path cannot be a class path entry: "
                        + FaultWords.oneLine(e.getMessage())));
                return List.of();
            }
        }
        return List.of(new Plugin(plugin, urls));
    }

    /** Why a jar cannot be loaded, or null when it is a readable zip file. */
    private static String jarProblem(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return "it is not a regular file, so it cannot be a jar";
            }
            if (Files.size(jar) == 0) {
                return "the file is empty, not a jar";
            }
            try (JarFile ignored = new JarFile(jar.toFile())) {
                return null;
            }
        } catch (ZipException e) {
            return "the file is not a jar (a zip file); rebuild or download the plugin again";
        } catch (IOException | SecurityException e) {
            return "the jar cannot be read: " + FaultWords.oneLine(String.valueOf(e.getMessage()));
        }
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new PluginDirectoryException("cannot read plugin folder '" + directory + "': "
                    + FaultWords.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
