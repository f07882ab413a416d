package org.splitinfer.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.sim.RunLimit;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.sim.Simulator;
import org.splitinfer.core.workload.Workloads;

/**
 * The simulator's event loop on the standard scenario of {@code splitinfer bench}: the {@code chat} trace at 100
 * requests per second through 8 prefill and 8 decode instances of 8 H100s (Llama-3.1-70B, FP8). One operation is one
 * simulated request; the score is simulated requests per second of wall time.
 *
 * <p>Pitfall: the first run of a pool builds its step-cost tables and resolves the deployment. {@link #setUp} runs
 * once before measuring so that every measured invocation times the event loop alone, as a planner calling the
 * simulator again and again sees it; the result is returned so the work is not dead code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {
    private static final int REQUESTS = 100_000;

    private Simulator simulator;
    private SimulationSpec scenario;

    @Setup
    public void setUp() {
        SplitInfer splitInfer = SplitInfer.create();
        PoolSpec pool = PoolSpec.of("h100-sxm", 8).withInstances(8).withPrecision("fp8");
        scenario = SimulationSpec.of(splitInfer.models().get("llama-3.1-70b"), PipelineSpec.split(pool, pool),
                Workloads.builtIn("chat").atRate(100), RunLimit.requests(REQUESTS), 1);
        simulator = splitInfer.simulator();
        simulator.run(scenario);
    }

    /** 100,000 requests through the event loop. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public SimulationResult chatRequests() {
        return simulator.run(scenario);
    }
}
