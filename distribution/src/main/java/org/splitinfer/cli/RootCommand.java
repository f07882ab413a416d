package org.splitinfer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code splitinfer}: the top-level command and its global options. */
@Command(name = "splitinfer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Models, estimates and compares split (disaggregated) LLM inference on heterogeneous accelerators.",
        subcommands = {HardwareCommand.class, ModelsCommand.class, KernelsCommand.class, FitCommand.class,
                RooflineCommand.class, EstimateCommand.class, CompareCommand.class, ValidateCommand.class,
                CalibrateCommand.class, SimulateCommand.class, PlanCommand.class, BenchCommand.class})
public final class RootCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR|JAR", scope = ScopeType.INHERIT,
            description = "Also load hardware plugins from DIR (plugin jars, or folders of jars) or from one plugin"
                    + " JAR; repeatable; searched before SPLITINFER_PLUGINS and the distribution's plugins/.")
    private List<Path> pluginDirectories = new ArrayList<>();

    /** @return plugin folders and jars given with {@code --plugins}, in order */
    public List<Path> pluginDirectories() {
        return List.copyOf(pluginDirectories);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
