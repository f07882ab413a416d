package org.splitinfer.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.PluginDirectoryException;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.hardware.UnknownAcceleratorException;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.UnsupportedPrecisionException;
import picocli.CommandLine;

/**
 * Builds the {@code splitinfer} command line: one Guice injector at start, picocli commands created through it,
 * and the error policy — bad usage or input prints one line and exits 2, a failure of the work exits 1, and no
 * stack trace reaches the user.
 */
public final class SplitInferCli {
    /** Exit code of bad usage or input. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a failure of the work. */
    public static final int EXIT_FAILURE = 1;

    private SplitInferCli() {
    }

    /**
     * Runs the tool on the process's streams and environment.
     *
     * @param args arguments
     * @return the exit code
     */
    public static int run(String... args) {
        PrintStream stdout = System.out;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // Standard output carries the tool's output alone (a --format json stays parseable): whatever else prints to
        // System.out while the command runs, a plugin above all, goes to standard error.
        System.setOut(System.err);
        try {
            return commandLine(CliEnvironment.fromProcess(), out, err).execute(args);
        } finally {
            out.flush();
            System.setOut(stdout);
        }
    }

    /**
     * The command line, wired for the given environment and streams; tests call this.
     *
     * @param environment environment variables and the distribution's home
     * @param out         standard output
     * @param err         standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, new Module[0]);
    }

    /**
     * The command line with some bindings replaced ({@link Modules#override}); tests bind fakes this way.
     *
     * @param environment environment variables and the distribution's home
     * @param out         standard output
     * @param err         standard error
     * @param overrides   modules whose bindings replace or add to the tool's
     * @return the configured command line
     */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                          Module... overrides) {
        Locale.setDefault(Locale.ROOT);
        Injector injector = Guice.createInjector(
                Modules.override(new CliModule(environment), new ValidationModule()).with(overrides));
        CommandLine commandLine = new CommandLine(RootCommand.class, new GuiceFactory(injector));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // an argument starting with @ is a value (a path, a name), never a file of arguments read in its place
        commandLine.setExpandAtFiles(false);
        commandLine.registerConverter(Path.class, new PathFlags.AnyPath());
        // picocli wraps usage to no fewer than 55 columns
        commandLine.setUsageHelpWidth(Math.max(55, environment.columns()));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println("error: " + BadUsage.sentence(exception));
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof CommandFailed) {
                return EXIT_FAILURE;
            }
            if (exception instanceof SplitInferException problem) {
                // a pipeline or case file names its fields by their keys; flags are the tool's words for them
                boolean fromFile = parseResult.subcommand() != null
                        && (parseResult.subcommand().hasMatchedOption("--pipeline")
                        || parseResult.subcommand().hasMatchedOption("--deployments"));
                failed.getErr().println("error: " + OneLine.of((fromFile ? problem.getMessage()
                        : FlagNames.message(problem)) + hint(problem)));
                return EXIT_USAGE;
            }
            if (exception instanceof HardwareDataException || exception instanceof UnsupportedPrecisionException) {
                // a plugin's own typed refusal of the input (a format the chip does not compute): bad input
                failed.getErr().println("error: " + OneLine.of(exception.getMessage()));
                return EXIT_USAGE;
            }
            failed.getErr().println("error: " + OneLine.of(exception.getClass().getSimpleName() + ": "
                    + exception.getMessage()) + " (an internal failure; please report it)");
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /** Where the tool can say more than core: how to list what exists. */
    private static String hint(SplitInferException problem) {
        if (problem instanceof UnknownAcceleratorException) {
            return "; run 'splitinfer hardware' to list them or add a plugin with --plugins DIR";
        }
        if (problem instanceof PluginDirectoryException) {
            return " (--plugins and " + PluginSearchPath.ENVIRONMENT_VARIABLE + ")";
        }
        return "";
    }
}
