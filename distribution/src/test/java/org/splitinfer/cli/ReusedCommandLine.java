package org.splitinfer.cli;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI built once (one injector, one picocli command line, the plugins loaded once) and run on many lines, its
 * streams captured per line: what makes ten thousand lines per command cheap. picocli resets every option to its
 * default before each parse; {@code ReusedCommandLineTest} guards that a reused line prints what a fresh one does.
 */
final class ReusedCommandLine {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine commandLine;

    ReusedCommandLine(Map<String, String> environment, Module... overrides) {
        commandLine = SplitInferCli.commandLine(new CliEnvironment(environment, (Path) null), new PrintWriter(out, true),
                new PrintWriter(err, true), overrides);
    }

    CommandLine commandLine() {
        return commandLine;
    }

    CliRun run(List<String> args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code;
        try {
            code = commandLine.execute(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            // nothing may escape the tool's own handlers
            return new CliRun(-1, out.toString(), "escaped: " + e);
        }
        return new CliRun(code, out.toString(), err.toString());
    }
}
