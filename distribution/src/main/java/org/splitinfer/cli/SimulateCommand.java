package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.sim.RouterPolicy;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SchedulerSettings;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.workload.WorkloadSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer simulate}: traffic through one deployment, request by request. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a deployment under traffic, request by request: queueing, batching, KV-cache"
                + " transfers and capacity. Prints TTFT, TPOT, end-to-end and queueing latency at p50/p90/p99, SLO"
                + " attainment and goodput, throughput, tokens per joule, $ per million tokens, each pool's use and the"
                + " bottleneck.",
                "The deployment is spelled as for 'estimate' (--prefill/--decode, --hardware, or --pipeline FILE);"
                        + " auto pools are sized for --size-for requests in flight."})
final class SimulateCommand implements Runnable {
    private final InstalledHardware hardware;
    private final InstalledModels models;

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
    private SpeculativeOption speculative;

    @Mixin
    private TrafficOptions traffic;

    @Option(names = "--slo", paramLabel = "ttft=T,tpot=T", converter = SloConverter.class,
            defaultValue = "ttft=1s,tpot=50ms",
            description = "The latency objective goodput counts against (default: ${DEFAULT-VALUE}).")
    private ServiceLevel slo;

    @Option(names = "--router", paramLabel = "POLICY", defaultValue = "least-outstanding-tokens",
            converter = RouterConverter.class,
            description = "round-robin or least-outstanding-tokens (default: ${DEFAULT-VALUE}).")
    private RouterPolicy router;

    @Option(names = "--chunk-tokens", paramLabel = "N", converter = NumericFlags.Tokens.class,
            description = "Prompt tokens per prefill step at most, the chunked-prefill budget, 1 to 16,777,216"
                    + " (default: 8192).")
    private Long chunkTokens;

    @Option(names = "--max-batch", paramLabel = "N", converter = NumericFlags.Sequences.class,
            description = "Sequences per decode step at most, 1 to 1,048,576 (default: 256; KV-cache room may allow"
                    + " fewer).")
    private Integer maxBatch;

    @Option(names = "--size-for", paramLabel = "N", converter = NumericFlags.Sequences.class,
            description = "Requests in flight that auto pools (HW:auto) are sized for, 1 to 1,048,576 (default: 32).")
    private Integer sizeFor;

    @Option(names = "--timeseries", paramLabel = "FILE", converter = PathFlags.OutputFile.class,
            description = "Also write queue lengths, batch sizes, KV-cache occupancy and busy shares over time as CSV.")
    private Path timeseries;

    @Option(names = "--sample-interval", paramLabel = "SECONDS", converter = NumericFlags.Seconds.class,
            description = "Simulated seconds between --timeseries rows (default: 1).")
    private Double sampleInterval;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Mixin
    private WhatIfOptions whatIf;

    @Mixin
    private CalibrationOption calibration;

    @Inject
    SimulateCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        if (timeseries == null && sampleInterval != null) {
            throw new SplitInferException("--sample-interval sets the rows of --timeseries FILE, which is not given;"
                    + " add --timeseries FILE or drop --sample-interval");
        }
        SplitInfer splitInfer = hardware.open(root.pluginDirectories(), whatIf.changes(), calibration.file, err);
        PipelineSpec pipeline = speculative.apply(deployment.pipeline(InstalledHardware.ids(splitInfer)),
                models::resolve);
        if (sizeFor != null && !DeploymentOptions.hasAutoPool(pipeline)) {
            throw new SplitInferException("--size-for sizes auto pools (HW:auto), and every pool of this deployment"
                    + " gives its chips; drop --size-for or give a pool as HW:auto");
        }
        WorkloadSpec workload = traffic.workload();
        SchedulerSettings scheduler = SchedulerSettings.DEFAULT.withRouter(router);
        if (chunkTokens != null) {
            scheduler = scheduler.withChunkTokens(Math.toIntExact(chunkTokens));
        }
        if (maxBatch != null) {
            scheduler = scheduler.withMaxBatch(maxBatch);
        }
        if (sizeFor != null) {
            scheduler = new SchedulerSettings(scheduler.router(), scheduler.chunkTokens(), scheduler.maxBatch(),
                    sizeFor);
        }
        RunLimit limit = traffic.limit();
        SimulationSpec simulation = new SimulationSpec(models.resolve(model), pipeline, workload, limit, slo,
                traffic.seed, scheduler, deployment.software, timeseries == null ? 0
                : sampleInterval == null ? 1 : sampleInterval, traffic.allowLongContext);
        ProgressBar bar = ProgressBar.of(err, limit.byTime() ? 0 : limit.requests(), root.errorIsTerminal());
        SimulationResult result = splitInfer.simulator().run(simulation, bar::update);
        bar.done();
        if (timeseries != null) {
            AtomicFile.write(timeseries, SimulationOutput.timeSeriesCsv(result), "--timeseries");
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> Json.print(SimulationOutput.json(result), out);
            case CSV -> SimulationOutput.summary(result).printCsv(out);
            default -> SimulationOutput.printText(result, out, root.columns());
        }
    }
}
