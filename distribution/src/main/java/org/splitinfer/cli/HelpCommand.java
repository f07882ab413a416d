package org.splitinfer.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code splitinfer help [COMMAND]}: the usage of the tool, or of one command, on standard output. */
@Command(name = "help", helpCommand = true,
        description = "Print the usage of the tool, or of COMMAND (the same as 'splitinfer COMMAND --help').")
final class HelpCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..1", defaultValue = CommandLine.Option.NULL_VALUE,
            description = "The command whose usage to print.")
    private String command;

    @Override
    public void run() {
        CommandLine tool = spec.commandLine().getParent();
        if (command == null) {
            tool.usage(spec.commandLine().getOut());
            return;
        }
        CommandLine subcommand = tool.getSubcommands().get(command);
        if (subcommand == null) {
            // worded as an unknown command of the tool itself, with the closest name
            throw new CommandLine.UnmatchedArgumentException(tool, List.of(command));
        }
        subcommand.usage(spec.commandLine().getOut());
    }
}
