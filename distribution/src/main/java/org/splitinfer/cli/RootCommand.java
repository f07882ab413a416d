package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code splitinfer}: the top-level command and its global options. Without a command it prints the usage to
 * standard error and exits 2: nothing was asked, so nothing was done.
 */
@Command(name = "splitinfer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Models, estimates and compares split (disaggregated) LLM inference on heterogeneous accelerators.",
        subcommands = {HelpCommand.class, HardwareCommand.class, ModelsCommand.class, KernelsCommand.class,
                FitCommand.class, RooflineCommand.class, EstimateCommand.class, CompareCommand.class,
                ValidateCommand.class, CalibrateCommand.class, SimulateCommand.class, PlanCommand.class,
                SensitivityCommand.class, SweepCommand.class, BenchCommand.class})
public final class RootCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR|JAR", scope = ScopeType.INHERIT,
            description = "Also load hardware plugins from DIR (plugin jars, or folders of jars) or from one plugin"
                    + " JAR; repeatable; searched before SPLITINFER_PLUGINS and the distribution's plugins/.")
    private List<Path> pluginDirectories = new ArrayList<>();

    @Inject
    RootCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** @return plugin folders and jars given with {@code --plugins}, in order */
    public List<Path> pluginDirectories() {
        return List.copyOf(pluginDirectories);
    }

    /** @return the width tables and wrapped text fit: the terminal's, or 80 columns when output is not a terminal */
    int columns() {
        return environment.columns();
    }

    /** @return whether standard error is a terminal, where progress is drawn */
    boolean errorIsTerminal() {
        return environment.errorIsTerminal();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SplitInferCli.EXIT_USAGE;
    }
}
