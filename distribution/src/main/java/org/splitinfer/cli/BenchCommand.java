package org.splitinfer.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.workload.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code splitinfer bench}: how fast the simulator runs on this machine, on a standard scenario — the {@code chat}
 * trace through 8 prefill and 8 decode instances of 8 H100s each, Llama-3.1-70B at FP8, at a rate that deployment
 * serves. Prints wall time, simulated requests and events per wall second, and the heap's peak.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Time the simulator on a standard scenario: the chat trace through --prefill h100-sxm:8"
                + " --prefill-instances 8 --decode h100-sxm:8 --decode-instances 8 (llama-3.1-70b, fp8), and print"
                + " simulated requests per second, events per second and the heap's peak.",
                "Figures are of this machine and JVM; run it on a quiet machine."})
final class BenchCommand implements Runnable {
    private final InstalledHardware hardware;
    private final InstalledModels models;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "1000000", converter = NumericFlags.Requests.class,
            description = "Requests to simulate, 1 to 1,000,000,000 (default: ${DEFAULT-VALUE}).")
    private long requests;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100", converter = NumericFlags.Rate.class,
            description = "Mean requests per second, the chat trace's bursts scaled (default: ${DEFAULT-VALUE}, which"
                    + " the deployment serves with room to spare).")
    private double rate;

    @Inject
    BenchCommand(InstalledHardware hardware, InstalledModels models) {
        this.hardware = hardware;
        this.models = models;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        NumericFlags.checkSpan(requests, rate);
        SplitInfer splitInfer = hardware.open(root.pluginDirectories(), spec.commandLine().getErr());
        PoolSpec pool = PoolSpec.of("h100-sxm", 8).withInstances(8).withPrecision("fp8");
        SimulationSpec scenario = SimulationSpec.of(models.resolve("llama-3.1-70b"), PipelineSpec.split(pool, pool),
                Workloads.builtIn("chat").atRate(rate), RunLimit.requests(requests), 1);
        // resolving the pools and building their step-cost tables is timed apart from the event loop
        long setupStart = System.nanoTime();
        splitInfer.simulator().run(scenario.withLimit(RunLimit.requests(Math.min(requests, 20_000))).withSeed(2));
        long setupNanos = System.nanoTime() - setupStart;
        for (MemoryPoolMXBean memory : ManagementFactory.getMemoryPoolMXBeans()) {
            memory.resetPeakUsage();
        }
        long start = System.nanoTime();
        SimulationResult result = splitInfer.simulator().run(scenario);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean memory : ManagementFactory.getMemoryPoolMXBeans()) {
            if (memory.getType() == MemoryType.HEAP) {
                peakHeap += memory.getPeakUsage().getUsed();
            }
        }
        int columns = root.columns();
        Text.print(out, "scenario        ", String.format(Locale.ROOT, "%,d chat requests at %.4g/s through 8 + 8"
                + " instances of 8 h100-sxm (llama-3.1-70b, fp8)", requests, rate), columns);
        Text.print(out, "warm-up         ", String.format(Locale.ROOT, "%.2f s (a first, shorter run: resolution,"
                + " step-cost tables, JIT)", setupNanos / 1e9), columns);
        out.println(String.format(Locale.ROOT, "wall time       %.2f s", seconds));
        out.println(String.format(Locale.ROOT, "requests/s      %,.0f simulated requests per wall second",
                result.requests() / seconds));
        out.println(String.format(Locale.ROOT, "events/s        %,.0f (%,d events)", result.events() / seconds,
                result.events()));
        out.println(String.format(Locale.ROOT, "heap peak       %.0f MB", peakHeap / 1e6));
        Text.print(out, "simulated       ", String.format(Locale.ROOT, "%.0f s; %,d completed, p90 TTFT %s, p90"
                        + " TPOT %s, bottleneck %s", result.durationSeconds(), result.completed(),
                Units.seconds(result.ttftSeconds().p90()), Units.seconds(result.tpotSeconds().p90()),
                result.bottleneck().name().toLowerCase(Locale.ROOT)), columns);
        out.flush();
    }
}
