package org.splitinfer.cli;

import org.splitinfer.core.report.DeploymentWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.report.SensitivityPage;
import org.splitinfer.core.sensitivity.Elasticity;
import org.splitinfer.core.sensitivity.SensitivityMetric;
import org.splitinfer.core.sensitivity.SensitivityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer sensitivity}: which figures an estimate's metric rests on most, by elasticity. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rank every figure of the deployment's chips, its KV link's figures and the cost assumptions"
                + " by their elasticity on one figure of the estimate.",
                "Each is moved by +/-STEP with the rest held (chip figures through --set overrides the plugins"
                        + " remodel); elasticity = (m(x(1+s)) - m(x(1-s))) / m(x) / 2s. Perturbations that make the"
                        + " deployment infeasible are listed with the reason."})
final class SensitivityCommand implements Runnable {
    private final Estimation estimation;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A catalog model id (see 'splitinfer models') or a Hugging Face config.json.")
    private String model;

    @Mixin
    private DeploymentOptions deployment;

    @Mixin
    private WorkloadOptions workload;

    @Mixin
    private WhatIfOptions whatIf;

    @Mixin
    private CalibrationOption calibration;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "usdPerMillionTokens",
            description = "The estimate's figure, as its JSON names it: ttftSeconds, tpotSeconds, outputTokensPerSecond,"
                    + " outputTokensPerSecondPerUser, tokensPerJoule, usdPerMillionTokens, tokensPerSecondPerChip,"
                    + " wallWatts or chips (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--step", paramLabel = "S", defaultValue = "0.10", converter = NumericFlags.Step.class,
            description = "The relative step either way, above 0 and at most 0.5 (default: ${DEFAULT-VALUE}, +/-10%%).")
    private double step;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--html", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Also write a self-contained HTML page: a tornado chart and the ranked table.")
    private Path html;

    @Inject
    SensitivityCommand(Estimation estimation) {
        this.estimation = estimation;
    }

    @Override
    public void run() {
        if (format == OutputFormat.CSV) {
            throw new SplitInferException("sensitivity prints table or json; --format csv is for flat lists");
        }
        SensitivityMetric chosen = SensitivityMetric.parse(metric);
        SplitInfer splitInfer = estimation.open(root.pluginDirectories(), whatIf, calibration, spec.commandLine().getErr());
        PipelineSpec pipeline = deployment.pipeline(InstalledHardware.ids(splitInfer));
        ModelSpec modelSpec = estimation.model(model);
        SensitivityReport report = splitInfer.sensitivity(modelSpec, pipeline, workload.workload(1),
                deployment.software, chosen, step);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Json.print(json(report), out);
        } else {
            text(report, out, root.columns());
        }
        if (html != null) {
            AtomicFile.write(html, SensitivityPage.render(modelSpec.id() + ", " + DeploymentWords.deployment(pipeline), report),
                    "--html");
            if (format != OutputFormat.JSON) {
                out.println("wrote " + html);
                out.flush();
            }
        }
    }

    static ObjectNode json(SensitivityReport report) {
        ObjectNode node = Json.object();
        node.put("metric", report.metric().jsonName());
        node.put("step", report.step());
        node.put("baseMetric", report.baseMetric());
        node.set("estimate", EstimateOutput.json(report.base()));
        ArrayNode rows = node.putArray("elasticities");
        for (Elasticity e : report.ranked()) {
            ObjectNode row = rows.addObject();
            row.put("parameter", e.parameter());
            row.put("kind", e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.put("subject", e.subject());
            row.put("baseValue", e.baseValue());
            row.put("lowValue", e.lowValue());
            row.put("highValue", e.highValue());
            if (e.metricLow().isPresent()) {
                row.put("metricLow", e.metricLow().getAsDouble());
            } else {
                row.putNull("metricLow");
            }
            if (e.metricHigh().isPresent()) {
                row.put("metricHigh", e.metricHigh().getAsDouble());
            } else {
                row.putNull("metricHigh");
            }
            if (e.elasticity().isPresent()) {
                row.put("elasticity", e.elasticity().getAsDouble());
            } else {
                row.putNull("elasticity");
            }
            row.put("infeasible", e.infeasible());
            if (e.note() != null) {
                row.put("note", e.note());
            }
        }
        return node;
    }

    static void text(SensitivityReport report, PrintWriter out, int columns) {
        Text.print(out, "", String.format(Locale.ROOT, "%s = %s at the base values (%s, %d chip%s); each parameter"
                        + " moved by +/-%s%% (a count by whole numbers), ranked by |elasticity|",
                report.metric().jsonName(), Units.number(report.baseMetric()), report.base().model(),
                report.base().chips(), report.base().chips() == 1 ? "" : "s", Units.number(report.step() * 100)),
                columns);
        TextTable table = new TextTable("#", "of", "parameter", "base", "metric low", "metric high", "elasticity");
        int rank = 1;
        for (Elasticity e : report.ranked()) {
            table.row(rank++, e.subject(), e.parameter(), FigureOverride.number(e.baseValue()),
                    e.metricLow().isPresent() ? Units.number(e.metricLow().getAsDouble()) : "infeasible",
                    e.metricHigh().isPresent() ? Units.number(e.metricHigh().getAsDouble()) : "infeasible",
                    e.elasticity().isPresent() ? String.format(Locale.ROOT, "%+.3f", e.elasticity().getAsDouble())
                            : "-");
        }
        table.printAligned(out, columns);
        boolean first = true;
        for (Elasticity e : report.ranked()) {
            if (e.note() != null) {
                if (first) {
                    out.println();
                    out.println("notes:");
                    first = false;
                }
                Text.print(out, "  - ", e.label() + ": " + e.note(), columns);
            }
        }
        out.flush();
    }
}
