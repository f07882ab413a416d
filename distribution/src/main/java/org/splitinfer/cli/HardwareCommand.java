package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer hardware}: the installed accelerators, their status and sources. */
@Command(name = "hardware", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the installed accelerators (one chip each) with their family, vendor, status and sources.")
final class HardwareCommand implements Runnable {
    private final InstalledHardware hardware;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Inject
    HardwareCommand(InstalledHardware hardware) {
        this.hardware = hardware;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        HardwareRegistry registry = hardware.load(root.pluginDirectories(), spec.commandLine().getErr());
        List<Accelerator> accelerators = registry.accelerators();
        if (format == OutputFormat.JSON) {
            ArrayNode array = Json.array();
            for (Accelerator accelerator : accelerators) {
                array.add(json(accelerator.spec()));
            }
            Json.print(array, out);
            return;
        }
        if (format == OutputFormat.CSV) {
            TextTable table = new TextTable("id", "family", "vendor", "name", "status", "figures", "assumed_figures",
                    "sources");
            for (Accelerator accelerator : accelerators) {
                AcceleratorSpec spec = accelerator.spec();
                table.row(spec.id(), spec.family().name(), spec.vendor(), spec.displayName(),
                        spec.status().name().toLowerCase(Locale.ROOT), spec.figures().size(),
                        spec.assumptions().size(), sources(spec));
            }
            table.printCsv(out);
            return;
        }
        TextTable table = new TextTable("id", "family", "status", "figures (assumed)", "chip", "sources");
        for (Accelerator accelerator : accelerators) {
            AcceleratorSpec spec = accelerator.spec();
            table.row(spec.id(), spec.family().name(), spec.status().name().toLowerCase(Locale.ROOT),
                    spec.figures().size() + " (" + spec.assumptions().size() + ")",
                    spec.vendor() + " " + spec.displayName(), sources(spec));
        }
        table.printAligned(out, root.columns());
    }

    private static String sources(AcceleratorSpec spec) {
        return String.join(" ", spec.sources().stream().map(Source::id).toList());
    }

    private static ObjectNode json(AcceleratorSpec spec) {
        ObjectNode node = Json.object();
        node.put("id", spec.id());
        node.put("family", spec.family().name());
        node.put("vendor", spec.vendor());
        node.put("displayName", spec.displayName());
        node.put("status", spec.status().name());
        ArrayNode sources = node.putArray("sources");
        for (Source source : spec.sources()) {
            ObjectNode s = sources.addObject();
            s.put("id", source.id());
            s.put("document", source.document());
            if (source.url() != null) {
                s.put("url", source.url());
            }
            s.put("date", source.date());
            s.put("supports", source.supports());
        }
        ArrayNode figures = node.putArray("figures");
        for (Figure figure : spec.figures()) {
            ObjectNode f = figures.addObject();
            f.put("name", figure.name());
            f.put("value", figure.value());
            if (figure.isAssumption()) {
                f.put("assumption", figure.assumption());
            } else {
                f.put("source", figure.sourceId());
            }
        }
        return node;
    }
}
