package org.splitinfer.cli;

import org.splitinfer.core.report.BandWords;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.band.BandedFigure;
import org.splitinfer.core.band.Band;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--deployments", paramLabel = "FILE", converter = PathFlags.InputFile.class,
            description = "A YAML file of deployments instead of the built-in six: a list (or a 'deployments' key"
                    + " holding one) of {name, args} with args spelled as the deployment options of 'estimate', or"
                    + " {name, pipeline} in the pipeline-file schema; each may add description and software.")
    private Path deploymentsFile;

    @Option(names = "--deployment", paramLabel = "OPTIONS",
            description = "A deployment spelled as the deployment options of 'estimate', quoted (e.g. \"--hardware"
                    + " h100-sxm:8 --precision fp8\"); repeatable; replaces the built-in six.")
    private List<String> deploymentArgs = new ArrayList<>();

    @Mixin
    private WorkloadOptions workload;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Also write the comparison as one self-contained HTML page: the table, cost against TTFT,"
                    + " and each deployment's cost and power by pool and assumptions.")
    private Path report;

    @Mixin
    private WhatIfOptions whatIf;

    @Mixin
    private CalibrationOption calibration;

    @Mixin
    private SpeculativeOption speculative;

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
     * @param bands      the estimate's error bands (none without an estimate or without residuals)
     */
    record Row(String deployment, PipelineSpec pipeline, Estimate estimate, SimulationResult simulation,
               String problem, FigureBands bands) {
        Row {
            bands = bands == null ? FigureBands.NONE : bands;
        }

        /** @return the shown time to first token's band: the estimate's, moved to the simulated p90 when it ran */
        Optional<Band> ttftBand() {
            if (estimate == null) {
                return Optional.empty();
            }
            double shown = simulation == null ? estimate.ttftSeconds() : simulation.ttftSeconds().p90();
            return bands.get(BandedFigure.TTFT_SECONDS).map(band -> band.scaled(estimate.ttftSeconds(), shown));
        }
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        SplitInfer splitInfer = estimation.open(root.pluginDirectories(), whatIf, calibration, spec.commandLine().getErr());
        List<DeploymentList.Deployment> deployments = deployments(InstalledHardware.ids(splitInfer));
        ModelSpec modelSpec = estimation.model(model);
        // a draft that cannot serve the model is one mistake, said once, not once per row
        speculative.requireDraftFor(modelSpec, estimation::model);
        Workload load = workload.workload(32);
        List<Row> rows = new ArrayList<>();
        for (DeploymentList.Deployment deployment : deployments) {
            try {
                rows.add(row(splitInfer, modelSpec, deployment, load));
            } catch (SplitInferException e) {
                // a row spelled as flags reads its problem in flags; one in the pipeline schema, in its keys
                rows.add(new Row(deployment.name(), null, null, null, deployment.args() != null
                        ? FlagNames.message(e) : e.getMessage(), null));
            }
        }
        if (format == OutputFormat.JSON) {
            ArrayNode array = Json.array();
            for (Row row : rows) {
                ObjectNode node;
                if (row.estimate() != null) {
                    node = EstimateOutput.json(row.estimate(), row.bands());
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
        } else if (format == OutputFormat.CSV) {
            csv(rows).printCsv(out);
        } else {
            UserFigures.print(splitInfer.hardware(), out, root.columns());
            printText(rows, modelSpec, load, out, root.columns());
        }
        if (report != null) {
            AtomicFile.write(report, CompareReport.render(modelSpec.id(), workload.workload(32), rows.stream()
                    .map(row -> new CompareReport.Row(row.deployment() + (row.pipeline() == null ? ""
                            : instances(row.pipeline())), Optional.ofNullable(row.estimate()),
                            Optional.ofNullable(row.simulation()), Optional.ofNullable(row.problem()), row.bands()))
                            .toList()),
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


    private List<DeploymentList.Deployment> deployments(UnaryOperator<String> hardwareIds) {
        if (deploymentsFile != null && !deploymentArgs.isEmpty()) {
            throw new SplitInferException("give either --deployments FILE or --deployment OPTIONS, not both");
        }
        if (deploymentsFile != null) {
            return DeploymentList.read(deploymentsFile, hardwareIds);
        }
        if (!deploymentArgs.isEmpty()) {
            List<DeploymentList.Deployment> list = new ArrayList<>();
            for (int i = 0; i < deploymentArgs.size(); i++) {
                list.add(DeploymentList.parse("deployment-" + (i + 1), deploymentArgs.get(i), "--deployment",
                        hardwareIds));
            }
            return list;
        }
        return DeploymentList.builtIn(hardwareIds);
    }

    /**
     * The row of a deployment: its prefill pool balanced to its decode pool at the load unless it fixed its
     * instances, its estimate, and a simulation at the estimate's throughput (Poisson arrivals of the workload's
     * fixed lengths) for the time to first token with queueing and the pool that limits it.
     */
    private Row row(SplitInfer splitInfer, ModelSpec modelSpec, DeploymentList.Deployment deployment, Workload load) {
        // every row's decoding pool decodes speculatively when asked: the balance, the estimate and the run see it
        PipelineSpec given = speculative.apply(deployment.pipeline(), estimation::model);
        PipelineSpec pipeline = deployment.fixedInstances() ? given
                : PoolBalancer.balance(splitInfer.estimator(), modelSpec, given, load, deployment.software());
        Estimate estimate = splitInfer.estimate(modelSpec, pipeline, load, deployment.software());
        double rate = estimate.outputTokensPerSecond() / load.outputTokens();
        SimulationSpec run = new SimulationSpec(modelSpec, pipeline,
                Workloads.poisson(rate, LengthDistribution.fixed((int) load.inputTokens(), (int) load.outputTokens())),
                RunLimit.requests(SIMULATED_REQUESTS), ServiceLevel.DEFAULT, 1, SchedulerSettings.DEFAULT
                        .withSizingConcurrency(load.offline() ? SchedulerSettings.DEFAULT.sizingConcurrency()
                                : load.concurrency().getAsInt()), deployment.software(), 0,
                load.allowLongContext());
        FigureBands bands = splitInfer.bands().map(b -> b.of(estimate)).orElse(FigureBands.NONE);
        return new Row(deployment.name(), pipeline, estimate, splitInfer.simulate(run), null, bands);
    }

    private static double perKilowatt(Estimate estimate) {
        return estimate.outputTokensPerSecond() / (estimate.wallWatts() / 1000);
    }

    private static double perUsdPerHour(Estimate estimate) {
        return estimate.outputTokensPerSecond() / estimate.usdPerHour();
    }

    /** The rows as CSV: plain numbers, the unit in each column's name. */
    static TextTable csv(List<Row> rows) {
        TextTable table = new TextTable("deployment", "ttft_seconds", "tpot_seconds", "simulated_ttft_p90_seconds",
                "output_tokens_per_second_per_user", "output_tokens_per_second_per_kilowatt",
                "output_tokens_per_second_per_usd_per_hour", "tokens_per_joule", "usd_per_million_tokens", "chips",
                "limited_by", "rests_on", "problem");
        for (Row row : rows) {
            Estimate e = row.estimate();
            if (e == null) {
                table.row(row.deployment(), "", "", "", "", "", "", "", "", "", "", "", row.problem());
                continue;
            }
            SimulationResult run = row.simulation();
            table.row(row.deployment() + (row.pipeline() == null ? "" : instances(row.pipeline())),
                    Numbers.plain(e.ttftSeconds()), Numbers.plain(e.tpotSeconds()),
                    run == null ? "" : Numbers.plain(run.ttftSeconds().p90()),
                    Numbers.plain(e.outputTokensPerSecondPerUser()), Numbers.plain(perKilowatt(e)),
                    Numbers.plain(perUsdPerHour(e)), Numbers.plain(e.tokensPerJoule()),
                    Numbers.plain(e.usdPerMillionTokens()), e.chips(), run == null ? "" : limitedBy(run),
                    restsOn(e), "");
        }
        return table;
    }

    /**
     * The comparison's rows as a table: each figure with its band, {@code 48.5 (39–57)}; or, {@code apart}, the
     * figures alone and the bands in a line under each row's cells.
     */
    private static TextTable table(List<Row> rows, boolean apart) {
        TextTable table = new TextTable("deployment", "p90 TTFT", "tok/s per user", "tok/s per kW",
                "tok/s per $/h", "tok/J", "$/Mtok", "chips", "limited by");
        FigureBands none = FigureBands.NONE;
        for (Row row : rows) {
            Estimate e = row.estimate();
            if (e == null) {
                table.row(row.deployment(), "-", "-", "-", "-", "-", "-", "-", "(problem below)");
                continue;
            }
            SimulationResult run = row.simulation();
            double ttft = run == null ? e.ttftSeconds() : run.ttftSeconds().p90();
            FigureBands inCells = apart ? none : row.bands();
            Object[] cells = {row.deployment() + instances(row.pipeline()),
                    row.ttftBand().filter(band -> !apart).map(band -> BandWords.secondsWithBand(ttft, band))
                            .orElse(Units.seconds(ttft)),
                    EstimateOutput.cell(inCells, BandedFigure.OUTPUT_TOKENS_PER_SECOND_PER_USER,
                            e.outputTokensPerSecondPerUser()), Units.number(perKilowatt(e)),
                    Units.number(perUsdPerHour(e)),
                    EstimateOutput.cell(inCells, BandedFigure.TOKENS_PER_JOULE, e.tokensPerJoule()),
                    EstimateOutput.cell(inCells, BandedFigure.USD_PER_MILLION_TOKENS, e.usdPerMillionTokens()),
                    e.chips(), run == null ? "-" : limitedBy(run)};
            if (apart && !row.bands().bands().isEmpty()) {
                table.detailedRow(bandsLine(row), cells);
            } else {
                table.row(cells);
            }
        }
        return table;
    }

    /** A row's bands in words, e.g. {@code bands: p90 TTFT 26–89 ms, tok/s per user 65–220, ...}. */
    private static String bandsLine(Row row) {
        List<String> parts = new ArrayList<>();
        row.ttftBand().ifPresent(band -> parts.add("p90 TTFT " + range(BandWords.secondsWithBand(band.low(), band))));
        row.bands().get(BandedFigure.OUTPUT_TOKENS_PER_SECOND_PER_USER).ifPresent(band -> parts.add("tok/s per user "
                + range(BandWords.numberWithBand(band.low(), band))));
        row.bands().get(BandedFigure.TOKENS_PER_JOULE).ifPresent(band -> parts.add("tok/J "
                + range(BandWords.numberWithBand(band.low(), band))));
        row.bands().get(BandedFigure.USD_PER_MILLION_TOKENS).ifPresent(band -> parts.add("$/Mtok "
                + range(BandWords.numberWithBand(band.low(), band))));
        return "bands: " + String.join(", ", parts);
    }

    /** The bracketed range of a banded cell, {@code 39–57} of {@code 48.5 (39–57)}. */
    private static String range(String banded) {
        return banded.substring(banded.indexOf('(') + 1, banded.lastIndexOf(')'));
    }

    /**
     * The table, then what each row rests on and each row's problem: prose, listed under the table so that the
     * figures fit beside the names.
     */
    private static void printText(List<Row> rows, ModelSpec model, Workload load, PrintWriter out, int columns) {
        TextTable inline = table(rows, false);
        // each figure with its band where the table fits so, else the bands in a line under each row: a table that
        // must narrow would otherwise cut the deployments' names
        (inline.naturalWidth() <= columns ? inline : table(rows, true)).printAligned(out, columns);
        out.println();
        out.println("figures rest on:");
        for (Row row : rows) {
            if (row.estimate() != null) {
                Text.print(out, "  ", row.deployment() + ": " + restsOn(row.estimate())
                        + (row.bands().restOnAssumptions() ? "; its bands rest on assumptions, not measurements" : ""),
                        columns);
            }
        }
        rows.stream().map(Row::bands).filter(bands -> !bands.bands().isEmpty()).findFirst().ifPresent(bands ->
                Text.print(out, "", "bands: " + BandWords.bandsAre(bands.bands().values().iterator().next().coverage())
                        + "; " + BandWords.SIMULATED_BANDS + (rows.stream().anyMatch(row -> row.bands().restOnAssumptions())
                        ? "; " + BandWords.BANDS_ON_ASSUMPTIONS : ""), columns));
        if (rows.stream().anyMatch(row -> row.problem() != null)) {
            out.println("problems:");
            for (Row row : rows) {
                if (row.problem() != null) {
                    Text.print(out, "  ", row.deployment() + ": " + row.problem(), columns);
                }
            }
        }
        out.println();
        Text.print(out, "", "model " + model.id() + "; " + load.inputTokens() + " input and " + load.outputTokens()
                + " output tokens; 'splitinfer estimate' with a row's options lists every assumption behind it.",
                columns);
        out.flush();
    }

    private static String limitedBy(SimulationResult run) {
        return run.bottleneck().name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
