package org.splitinfer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.plan.PoolBalancer;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SchedulerSettings;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.workload.LengthDistribution;
import org.splitinfer.core.workload.Workloads;
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
    /** Requests each row's simulation runs: enough for a stable 90th percentile at a fixed length. */
    static final int SIMULATED_REQUESTS = 2000;

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
     * One row: a deployment, its estimate and the simulation at its load, or the problem that stopped it.
     *
     * @param deployment its name
     * @param pipeline   the deployment as estimated (balanced unless the row fixed its instances), or null
     * @param estimate   its estimate, or null
     * @param simulation its run at the estimate's throughput, or null
     * @param problem    why it could not be estimated, or null
     */
    record Row(String deployment, PipelineSpec pipeline, Estimate estimate, SimulationResult simulation,
               String problem) {
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeploymentList.Deployment> deployments = deployments();
        ModelSpec modelSpec = estimation.model(model);
        SplitInfer splitInfer = estimation.open(root.pluginDirectories(), spec.commandLine().getErr());
        Workload load = workload.workload(32);
        List<Row> rows = new ArrayList<>();
        for (DeploymentList.Deployment deployment : deployments) {
            try {
                rows.add(row(splitInfer, modelSpec, deployment, load));
            } catch (SplitInferException e) {
                // a row spelled as flags reads its problem in flags; one in the pipeline schema, in its keys
                rows.add(new Row(deployment.name(), null, null, null, deployment.args() != null
                        ? FlagNames.message(e) : e.getMessage()));
            }
        }
        if (format == OutputFormat.JSON) {
            ArrayNode array = Json.array();
            for (Row row : rows) {
                ObjectNode node;
                if (row.estimate() != null) {
                    node = EstimateOutput.json(row.estimate());
                    node.put("tokensPerSecondPerKilowatt", perKilowatt(row.estimate()));
                    node.put("tokensPerSecondPerUsdPerHour", perUsdPerHour(row.estimate()));
                    ObjectNode simulated = node.putObject("simulated");
                    simulated.put("requestsPerSecond", row.simulation().requests() / row.simulation().durationSeconds());
                    simulated.put("ttftP50Seconds", row.simulation().ttftSeconds().p50());
                    simulated.put("ttftP90Seconds", row.simulation().ttftSeconds().p90());
                    simulated.put("tpotP90Seconds", row.simulation().tpotSeconds().p90());
                    simulated.put("queueP90Seconds", row.simulation().queueSeconds().p90());
                    simulated.put("bottleneck", row.simulation().bottleneck().name().toLowerCase(Locale.ROOT));
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
                    .map(row -> new CompareReport.Row(row.deployment() + (row.pipeline() == null ? ""
                            : instances(row.pipeline())), Optional.ofNullable(row.estimate()),
                            Optional.ofNullable(row.simulation()), Optional.ofNullable(row.problem()))).toList()),
                    "--report");
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

    /**
     * The row of a deployment: its prefill pool balanced to its decode pool at the load unless it fixed its
     * instances, its estimate, and a simulation at the estimate's throughput (Poisson arrivals of the workload's
     * fixed lengths) for the time to first token with queueing and the pool that limits it.
     */
    private Row row(SplitInfer splitInfer, ModelSpec modelSpec, DeploymentList.Deployment deployment, Workload load) {
        PipelineSpec pipeline = deployment.fixedInstances() ? deployment.pipeline()
                : PoolBalancer.balance(splitInfer.estimator(), modelSpec, deployment.pipeline(), load,
                deployment.software());
        Estimate estimate = splitInfer.estimate(modelSpec, pipeline, load, deployment.software());
        double rate = estimate.outputTokensPerSecond() / load.outputTokens();
        SimulationSpec run = new SimulationSpec(modelSpec, pipeline,
                Workloads.poisson(rate, LengthDistribution.fixed((int) load.inputTokens(), (int) load.outputTokens())),
                RunLimit.requests(SIMULATED_REQUESTS), ServiceLevel.DEFAULT, 1, SchedulerSettings.DEFAULT
                        .withSizingConcurrency(load.offline() ? SchedulerSettings.DEFAULT.sizingConcurrency()
                                : load.concurrency().getAsInt()), deployment.software(), 0);
        return new Row(deployment.name(), pipeline, estimate, splitInfer.simulate(run), null);
    }

    private static double perKilowatt(Estimate estimate) {
        return estimate.outputTokensPerSecond() / (estimate.wallWatts() / 1000);
    }

    private static double perUsdPerHour(Estimate estimate) {
        return estimate.outputTokensPerSecond() / estimate.usdPerHour();
    }

    static TextTable table(List<Row> rows) {
        TextTable table = new TextTable("deployment", "p90 ttft", "tok/s/user", "tok/s per kW", "tok/s per $/h",
                "tok/J", "$/Mtok", "chips", "limited by", "rests on");
        for (Row row : rows) {
            Estimate e = row.estimate();
            if (e == null) {
                table.row(row.deployment(), "-", "-", "-", "-", "-", "-", "-", "-", "problem: " + row.problem());
                continue;
            }
            SimulationResult run = row.simulation();
            table.row(row.deployment() + instances(row.pipeline()),
                    run == null ? EstimateOutput.seconds(e.ttftSeconds()) : EstimateOutput.seconds(run.ttftSeconds().p90()),
                    EstimateOutput.number(e.outputTokensPerSecondPerUser()), EstimateOutput.number(perKilowatt(e)),
                    EstimateOutput.number(perUsdPerHour(e)), EstimateOutput.number(e.tokensPerJoule()),
                    EstimateOutput.number(e.usdPerMillionTokens()), e.chips(),
                    run == null ? "-" : run.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    restsOn(e));
        }
        return table;
    }

    /** @return e.g. " (4:1)", prefill to decode instances of a split deployment */
    private static String instances(PipelineSpec pipeline) {
        if (pipeline instanceof PipelineSpec.Split split) {
            return " (" + split.prefill().instances() + ":" + split.decode().instances() + ")";
        }
        return "";
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
