package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the tool reads from its process: environment variables, the distribution's home folder (set by
 * {@code bin/splitinfer} as the system property {@code splitinfer.home}), the width of the terminal standard
 * output goes to, and whether standard error is a terminal.
 *
 * @param variables       environment variables
 * @param home            the distribution's folder, or null when run from a class path (tests, an IDE)
 * @param terminalColumns the terminal's width in columns, or 0 when standard output is not a terminal
 * @param errorIsTerminal whether standard error is a terminal, where progress bars are drawn
 */
public record CliEnvironment(Map<String, String> variables, Path home, int terminalColumns,
                             boolean errorIsTerminal) {
    /** The width of output that does not go to a terminal (a file, a pipe, a test). */
    static final int DEFAULT_COLUMNS = 80;
    /** The narrowest width tables are fitted to, however narrow the terminal. */
    static final int MIN_COLUMNS = 40;

    /** Copies the map. */
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /**
     * An environment whose output and error streams are not terminals.
     *
     * @param variables environment variables
     * @param home      the distribution's folder, or null
     */
    public CliEnvironment(Map<String, String> variables, Path home) {
        this(variables, home, 0, false);
    }

    /** @return the environment of this process */
    public static CliEnvironment fromProcess() {
        String home = System.getProperty("splitinfer.home");
        return new CliEnvironment(System.getenv(), home == null || home.isBlank() ? null : Path.of(home),
                System.console() == null ? 0 : Terminal.columns(), Terminal.errorIsTerminal());
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

    /**
     * The width output is fitted to: {@code COLUMNS} when it is set to a number, else the terminal's width, else 80;
     * never below 40.
     *
     * @return columns
     */
    public int columns() {
        String variable = variables.get("COLUMNS");
        int columns = terminalColumns > 0 ? terminalColumns : DEFAULT_COLUMNS;
        if (variable != null && variable.strip().matches("[0-9]{1,4}")) {
            columns = Integer.parseInt(variable.strip());
        }
        return Math.max(MIN_COLUMNS, columns);
    }
}
