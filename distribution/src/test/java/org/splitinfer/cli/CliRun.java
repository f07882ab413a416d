package org.splitinfer.cli;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with captured streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    static CliRun with(Map<String, String> environment, String... args) {
        return with(environment, new Module[0], args);
    }

    /** Runs with some bindings replaced, e.g. a fake predictor for {@code validate}. */
    static CliRun withModules(Module[] overrides, String... args) {
        return with(Map.of(), overrides, args);
    }

    /** Runs as if standard error were a terminal, where progress bars are drawn. */
    static CliRun onTerminal(String... args) {
        return with(new CliEnvironment(Map.of(), null, 0, true), new Module[0], args);
    }

    private static CliRun with(Map<String, String> environment, Module[] overrides, String... args) {
        return with(new CliEnvironment(environment, (Path) null), overrides, args);
    }

    private static CliRun with(CliEnvironment environment, Module[] overrides, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SplitInferCli.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true),
                overrides).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
