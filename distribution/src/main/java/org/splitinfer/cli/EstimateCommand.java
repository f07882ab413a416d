package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.band.FigureBands;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.PipelineSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code splitinfer estimate}: TTFT, TPOT, throughput, energy and cost of one deployment. */
@Command(name = "estimate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Estimate one deployment of a model: a split pipeline (--prefill HW:N --decode HW:N) or a"
                + " colocated one (--hardware HW:N).",
                "Closed form, no queueing: TTFT, time per output token, throughput, tokens per joule of wall power"
                        + " and dollars per million output tokens, with every assumption listed."})
final class EstimateCommand implements Runnable {
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
    private SpeculativeOption speculative;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Mixin
    private WhatIfOptions whatIf;

    @Mixin
    private CalibrationOption calibration;

    @Inject
    EstimateCommand(Estimation estimation) {
        this.estimation = estimation;
    }

    @Override
    public void run() {
        SplitInfer splitInfer = estimation.open(root.pluginDirectories(), whatIf, calibration, spec.commandLine().getErr());
        PipelineSpec pipeline = deployment.pipeline(InstalledHardware.ids(splitInfer));
        pipeline = speculative.apply(pipeline, estimation::model);
        Estimate estimate = splitInfer.estimator().estimate(estimation.model(model), pipeline, workload.workload(1),
                deployment.software);
        FigureBands bands = splitInfer.bands().map(b -> b.of(estimate)).orElse(new FigureBands(Map.of()));
        switch (format) {
            case JSON -> Json.print(EstimateOutput.json(estimate, bands), spec.commandLine().getOut());
            case CSV -> CompareCommand.csv(List.of(new CompareCommand.Row("estimate", null, estimate, null, null, bands)))
                    .printCsv(spec.commandLine().getOut());
            default -> EstimateOutput.printText(estimate, bands, spec.commandLine().getOut(), root.columns());
        }
    }
}
