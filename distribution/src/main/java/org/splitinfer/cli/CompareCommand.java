package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.ChipStatus;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.report.CompareReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer compare}: the same model and workload on several deployments, one row each. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare deployments of one model in one table: TTFT, tokens/s per user and per chip,"
                + " tokens per joule, $ per million tokens, chips, and which figures rest on announced, projected or"
                + " assumed hardware.",
                "With no flags: llama-3.1-70b, 2,000 input and 300 output tokens, 32 requests in flight, on six"
                        + " deployments (GPUs alone, GPU+LPU, Trainium+wafer, GPU+RDU, optical, unified RISC-V)."})
final class CompareCommand implements Runnable {
    private final Estimation estimation;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "llama-3.1-70b",
            description = "A catalog model id or a Hugging Face config.json (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--deployments", paramLabel = "FILE",
            description = "A YAML list of deployments ({name, args} with args spelled as 'estimate' options) instead"
                    + " of the built-in six.")
    private Path deploymentsFile;

    @Option(names = "--deployment", paramLabel = "OPTIONS",
            description = "A deployment spelled as 'estimate' options, quoted; repeatable; replaces the built-in six.")
    private List<String> deploymentArgs = new ArrayList<>();

    @ArgGroup(exclusive = false, heading = "Workload%n")
    private WorkloadOptions workload = new WorkloadOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the comparison as one self-contained HTML page: the table, cost against TTFT,"
                    + " and each deployment's cost and power by pool and assumptions.")
    private Path report;

    @Inject
    CompareCommand(Estimation estimation) {
        this.estimation = estimation;
    }

    /**
     * One row: a deployment and its estimate, or the problem that stopped it.
     *
     * @param deployment its name
     * @param estimate   its estimate, or null
     * @param problem    why it could not be estimated, or null
     */
    record Row(String deployment, Estimate estimate, String problem) {
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeploymentList.Deployment> deployments = deployments();
        ModelSpec modelSpec = estimation.model(model);
        Estimator estimator = estimation.estimator(root.pluginDirectories(), spec.commandLine().getErr());
        List<Row> rows = new ArrayList<>();
        for (DeploymentList.Deployment deployment : deployments) {
            try {
                rows.add(new Row(deployment.name(), estimator.estimate(modelSpec, deployment.pipeline(),
                        workload.workload(32), deployment.software()), null));
            } catch (SplitInferException e) {
                // a row spelled as flags reads its problem in flags; one in the pipeline schema, in its keys
                rows.add(new Row(deployment.name(), null, deployment.args() != null ? FlagNames.message(e)
                        : e.getMessage()));
            }
        }
        if (format == OutputFormat.JSON) {
            ArrayNode array = Json.array();
            for (Row row : rows) {
                ObjectNode node;
                if (row.estimate() != null) {
                    node = EstimateOutput.json(row.estimate());
                } else {
                    node = Json.object();
                    node.put("problem", row.problem());
                }
                ObjectNode ordered = Json.object();
                ordered.put("deployment", row.deployment());
                ordered.setAll(node);
                array.add(ordered);
            }
            Json.print(array, out);
        } else {
            table(rows).print(format, out);
            if (format == OutputFormat.TABLE) {
                out.println();
                out.println("model " + modelSpec.id() + "; " + workload.workload(32).inputTokens() + " input and "
                        + workload.workload(32).outputTokens() + " output tokens; 'splitinfer estimate' with a"
                        + " row's options lists every assumption behind it.");
                out.flush();
            }
        }
        if (report != null) {
            AtomicFile.write(report, CompareReport.render(modelSpec.id(), workload.workload(32), rows.stream()
                    .map(row -> new CompareReport.Row(row.deployment(), Optional.ofNullable(row.estimate()),
                            Optional.ofNullable(row.problem()))).toList()), "--report");
        }
        long failed = rows.stream().filter(r -> r.problem() != null).count();
        if (failed > 0) {
            spec.commandLine().getErr().println("error: " + failed + " of " + rows.size()
                    + " deployments could not be estimated; see their rows");
            spec.commandLine().getErr().flush();
            throw new CommandFailed();
        }
    }


    private List<DeploymentList.Deployment> deployments() {
        if (deploymentsFile != null && !deploymentArgs.isEmpty()) {
            throw new SplitInferException("give either --deployments FILE or --deployment OPTIONS, not both");
        }
        if (deploymentsFile != null) {
            return DeploymentList.read(deploymentsFile);
        }
        if (!deploymentArgs.isEmpty()) {
            List<DeploymentList.Deployment> list = new ArrayList<>();
            for (int i = 0; i < deploymentArgs.size(); i++) {
                list.add(DeploymentList.parse("deployment-" + (i + 1), deploymentArgs.get(i), "--deployment"));
            }
            return list;
        }
        return DeploymentList.builtIn();
    }

    static TextTable table(List<Row> rows) {
        TextTable table = new TextTable("deployment", "ttft", "tok/s/user", "tok/s/chip", "tok/J", "$/Mtok", "chips",
                "rests on");
        for (Row row : rows) {
            Estimate e = row.estimate();
            if (e == null) {
                table.row(row.deployment(), "-", "-", "-", "-", "-", "-", "problem: " + row.problem());
                continue;
            }
            table.row(row.deployment(), EstimateOutput.seconds(e.ttftSeconds()),
                    EstimateOutput.number(e.outputTokensPerSecondPerUser()),
                    EstimateOutput.number(e.tokensPerSecondPerChip()), EstimateOutput.number(e.tokensPerJoule()),
                    EstimateOutput.number(e.usdPerMillionTokens()), e.chips(), restsOn(e));
        }
        return table;
    }

    private static String restsOn(Estimate estimate) {
        List<String> parts = new ArrayList<>();
        for (ChipStatus chip : estimate.chipStatuses()) {
            parts.add(chip.hardware() + " " + Sentences.status(chip.status()) + ", " + chip.assumedFigures()
                    + " assumed");
        }
        return String.join("; ", parts);
    }
}
