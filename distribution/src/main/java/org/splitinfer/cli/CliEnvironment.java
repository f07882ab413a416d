package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the tool reads from its process: environment variables and the distribution's home folder (set by
 * {@code bin/splitinfer} as the system property {@code splitinfer.home}).
 *
 * @param variables environment variables
 * @param home      the distribution's folder, or null when run from a class path (tests, an IDE)
 */
public record CliEnvironment(Map<String, String> variables, Path home) {
    /** Copies the map. */
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** @return the environment of this process */
    public static CliEnvironment fromProcess() {
        String home = System.getProperty("splitinfer.home");
        return new CliEnvironment(System.getenv(), home == null || home.isBlank() ? null : Path.of(home));
    }

    /**
     * @param name variable name
     * @return its value or null
     */
    public String variable(String name) {
        return variables.get(name);
    }

    /** @return the distribution's {@code plugins/} folder, or null */
    public Path pluginsDirectory() {
        return home == null ? null : home.resolve("plugins");
    }
}
