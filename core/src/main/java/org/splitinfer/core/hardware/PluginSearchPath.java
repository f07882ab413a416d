package org.splitinfer.core.hardware;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where plugins are looked for: the class path (optionally), then plugin folders and jars in order. A folder
 * holds plugins: a {@code .jar} file is one plugin, and a sub-folder of jars is one plugin that brings its own
 * dependencies; any other file in it is reported as a skipped plugin. An entry may also be one plugin's
 * {@code .jar} file. Every plugin gets its own class loader that sees only {@code org.splitinfer.spi} and the JDK.
 *
 * @param classPath   whether to look on the host's class path too
 * @param directories plugin folders, or single plugin jars, searched in this order
 */
public record PluginSearchPath(boolean classPath, List<Path> directories) {
    /** The environment variable whose path-separated directories are searched after {@code --plugins}. */
    public static final String ENVIRONMENT_VARIABLE = "SPLITINFER_PLUGINS";

    /** Copies the list. */
    public PluginSearchPath {
        directories = List.copyOf(directories);
    }

    /** @return the class path alone */
    public static PluginSearchPath classPathOnly() {
        return new PluginSearchPath(true, List.of());
    }

    /**
     * The command-line tool's order: {@code --plugins} directories, then those of {@code SPLITINFER_PLUGINS},
     * then the distribution's own {@code plugins/} folder, after the class path.
     *
     * @param optionDirectories     folders (or plugin jars) given with {@code --plugins}
     * @param environmentValue      the value of {@code SPLITINFER_PLUGINS}, or null
     * @param distributionDirectory the distribution's {@code plugins/}, or null when not run from one
     * @return the search path
     */
    public static PluginSearchPath of(List<Path> optionDirectories, String environmentValue,
                                      Path distributionDirectory) {
        List<Path> all = new ArrayList<>(optionDirectories);
        if (environmentValue != null && !environmentValue.isBlank()) {
            for (String entry : environmentValue.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    all.add(Path.of(entry.trim()));
                }
            }
        }
        if (distributionDirectory != null) {
            all.add(distributionDirectory);
        }
        return new PluginSearchPath(true, all);
    }
}
