package org.splitinfer.cli;

import org.splitinfer.core.report.DeploymentWords;
import picocli.CommandLine.Mixin;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineFile;
import org.splitinfer.core.plan.Budgets;
import org.splitinfer.core.plan.Objective;
import org.splitinfer.core.plan.Plan;
import org.splitinfer.core.plan.PlanRequest;
import org.splitinfer.core.plan.PlannedDeployment;
import org.splitinfer.core.report.PlanReport;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.workload.WorkloadSpec;
import org.splitinfer.spi.Accelerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer plan}: the cheapest deployment that meets an SLO, across every installed accelerator. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Find the deployment that meets a latency objective at a workload's rate for the least cost"
                + " (or energy, chips, latency): every prefill x decode pair of installed chips and every colocated"
                + " pool, with their chips, layouts, formats and instance counts, estimated, and the best verified"
                + " with the simulator.",
                "With no flags: llama-3.1-70b, the chat trace at 50 requests/s, 90%% of requests within TTFT 1 s and"
                        + " TPOT 50 ms, every installed accelerator but projected ones."})
final class PlanCommand implements Runnable {
    /** The default rate: the chat trace's mix at 50 requests/s needs several nodes of any chip. */
    static final double DEFAULT_RATE = 50;

    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "llama-3.1-70b",
            description = "A catalog model id or a Hugging Face config.json (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--workload", paramLabel = "NAME|FILE", defaultValue = "chat",
            description = "chat, code, batch or a trace file, as for 'simulate' (default: ${DEFAULT-VALUE}).")
    private String workload;

    @Option(names = "--skip-bad-rows", description = "Skip a trace's bad rows instead of refusing the file.")
    private boolean skipBadRows;

    @Mixin
    private SpeculativeOption speculative;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "50", converter = NumericFlags.Rate.class,
            description = "Requests per second to serve, above 0 and at most 1,000,000 (default: ${DEFAULT-VALUE}); a"
                    + " trace keeps its bursts.")
    private double rate;

    @Option(names = "--slo", paramLabel = "ttft=T,tpot=T", converter = SloConverter.class,
            defaultValue = "ttft=1s,tpot=50ms", description = "The latency objective (default: ${DEFAULT-VALUE}).")
    private ServiceLevel slo;

    @Option(names = "--attainment", paramLabel = "SHARE", defaultValue = "0.9", converter = NumericFlags.Share.class,
            description = "The share of requests that must meet the objective, above 0 and at most 1 (default:"
                    + " ${DEFAULT-VALUE}).")
    private double attainment;

    @Option(names = "--hardware", paramLabel = "ID|FAMILY", split = ",",
            description = "Accelerator ids (or their unique beginnings) or families the pools may use (default: every"
                    + " installed one).")
    private List<String> allowed = new ArrayList<>();

    @Option(names = "--include-projected", description = "Let projected parts compete (marked in the table).")
    private boolean includeProjected;

    @Option(names = "--objective", paramLabel = "OBJECTIVE", defaultValue = "cost",
            description = "cost, energy, chips or latency (default: ${DEFAULT-VALUE}).")
    private Objective objective;

    @Option(names = "--max-chips", paramLabel = "N", converter = NumericFlags.ChipBudget.class,
            description = "Chips of all pools at most.")
    private Integer maxChips;

    @Option(names = "--max-kw", paramLabel = "KW", converter = NumericFlags.Budget.class,
            description = "Wall power at the planned load at most, kW.")
    private Double maxKilowatts;

    @Option(names = "--max-usd-per-hour", paramLabel = "USD", converter = NumericFlags.Budget.class,
            description = "Cost per hour at most, dollars.")
    private Double maxUsdPerHour;

    @Option(names = "--top", paramLabel = "N", converter = NumericFlags.Candidates.class, defaultValue = "5",
            description = "Candidates to verify with the simulator, 1 to 1,000 (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000", converter = NumericFlags.Requests.class,
            description = "Requests each verifying simulation runs, 1 to 1,000,000,000 (default: ${DEFAULT-VALUE}).")
    private long requests;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", converter = NumericFlags.Seed.class,
            description = "Seed of the verifying simulations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--software", paramLabel = "STACK",
            description = "The serving stack whose fitted profile applies (default: the profile for unknown stacks).")
    private String software;

    @Option(names = "--allow-long-context",
            description = "Serve requests whose prompt and answer exceed the model's context window (a stack that"
                    + " extends it, or a what-if); without it they are turned away, and a workload whose mean request"
                    + " exceeds the window is refused.")
    private boolean allowLongContext;

    @Option(names = "--emit", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Write the winner as a pipeline file that 'estimate --pipeline' and 'simulate --pipeline'"
                    + " accept.")
    private Path emit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Also write the plan as one self-contained HTML page: the ranked table, the Pareto front,"
                    + " the winner's latency distributions, its chips' rooflines, its cost and power by pool, and"
                    + " the assumptions.")
    private Path report;

    @Mixin
    private WhatIfOptions whatIf;

    @Mixin
    private CalibrationOption calibration;

    @Inject
    PlanCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    /** --hardware as typed, with each beginning of an id (h100) written as the id; families stay as they are. */
    private List<String> idsOrFamilies(SplitInfer splitInfer) {
        // "--hardware ," splits into nothing, which would otherwise read as the default: every installed chip
        if (spec.commandLine().getParseResult().hasMatchedOption("--hardware")
                && (allowed.isEmpty() || allowed.stream().anyMatch(String::isBlank))) {
            throw new SplitInferException("--hardware lists an empty name; give accelerator ids or families separated"
                    + " by commas, or leave --hardware out for every installed one");
        }
        Set<String> families = new HashSet<>();
        for (Accelerator accelerator : splitInfer.hardware().accelerators()) {
            families.add(accelerator.spec().family().name());
        }
        UnaryOperator<String> ids = InstalledHardware.ids(splitInfer);
        List<String> resolved = new ArrayList<>();
        for (String wanted : allowed) {
            resolved.add(families.contains(wanted.strip().toLowerCase(Locale.ROOT)) ? wanted : ids.apply(wanted));
        }
        return resolved;
    }

    @Override
    public void run() {
        if (format == OutputFormat.CSV) {
            throw new SplitInferException("plan prints table or json; --format csv is for flat lists");
        }
        NumericFlags.checkSpan(requests, rate);
        SplitInfer splitInfer = hardware.open(root.pluginDirectories(), whatIf.changes(), calibration.file,
                spec.commandLine().getErr());
        WorkloadSpec traffic = TrafficOptions.named(workload, skipBadRows).atRate(rate);
        Budgets budgets = new Budgets(maxChips == null ? OptionalInt.empty() : OptionalInt.of(maxChips),
                maxKilowatts == null ? OptionalDouble.empty() : OptionalDouble.of(maxKilowatts),
                maxUsdPerHour == null ? OptionalDouble.empty() : OptionalDouble.of(maxUsdPerHour));
        PlanRequest request = new PlanRequest(models.resolve(model), traffic, slo, attainment,
                idsOrFamilies(splitInfer), includeProjected, objective, budgets, top, seed, requests, software,
                allowLongContext, speculative.resolve(models::resolve));
        ProgressBar bar = ProgressBar.of(spec.commandLine().getErr(), top, root.errorIsTerminal());
        long start = System.nanoTime();
        Plan plan = splitInfer.planner().plan(request, bar::update);
        bar.done();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        Function<PlannedDeployment, FigureBands> bands = splitInfer.bands()
                .<Function<PlannedDeployment, FigureBands>>map(b -> deployment -> b.of(deployment, software))
                .orElse(PlanOutput.NO_BANDS);
        if (format == OutputFormat.JSON) {
            com.fasterxml.jackson.databind.node.ObjectNode json = PlanOutput.json(plan, bands);
            if (!UserFigures.sentences(splitInfer.hardware()).isEmpty()) {
                UserFigures.json(splitInfer.hardware(), json.putArray("userSetFigures"));
            }
            Json.print(json, out);
        } else {
            UserFigures.print(splitInfer.hardware(), out, root.columns());
            PlanOutput.printText(plan, bands, seconds, out, root.columns());
        }
        if (emit != null && plan.winner().isPresent()) {
            AtomicFile.write(emit, "# The winner of 'splitinfer plan' for " + plan.request().model().id() + " on "
                    + traffic.name() + " at " + rate + " requests/s.\n"
                    // a pipeline file holds pools, not how they decode: the flag goes with it
                    + (request.speculative() == null ? "" : "# Its decoding pool decodes speculatively: estimate or"
                    + " simulate it with --speculative " + DeploymentWords.speculative(request.speculative()) + "\n")
                    + PipelineFile.render(
                    plan.winner().get().pipeline()), "--emit");
            if (format != OutputFormat.JSON) {
                out.println("wrote " + emit);
                out.flush();
            }
        }
        if (report != null) {
            AtomicFile.write(report, PlanReport.render(plan, splitInfer.hardware(), bands), "--report");
        }
        if (plan.winner().isEmpty()) {
            spec.commandLine().getErr().println("error: " + PlanOutput.noWinner(plan));
            spec.commandLine().getErr().flush();
            throw new CommandFailed();
        }
    }
}
