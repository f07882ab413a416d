package org.splitinfer.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginSearchPath;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Residency;

/**
 * Step-time evaluation: what the simulator and planner call millions of times. One operation plans a decode step
 * of Llama-3.1-70B into kernels and collectives and prices it on a chip (plugin step model plus interconnect).
 *
 * <p>Pitfall avoided: the batch and context change every call (a counter walks through them), so the JIT cannot
 * hoist a constant result out of the loop; the returned {@link StepCost} is consumed by JMH's blackhole.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl distribution test-compile exec:exec@bench}.
 * Target: at least 100,000 evaluations per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepCostBenchmark {
    @Param({"h100-sxm", "groq-lpu-v1", "cerebras-wse3", "sambanova-sn40l", "tt-wormhole-galaxy"})
    public String hardware;

    private StepCoster coster;
    private ParallelLayout layout;
    private Residency residency;
    private int counter;

    @Setup
    public void setUp() {
        HardwareRegistry registry = new HardwareLoader().load(PluginSearchPath.classPathOnly());
        Accelerator accelerator = registry.get(hardware);
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-70b");
        ModelPrecision precision = ModelPrecision.uniform(accelerator.roofline().computePrecisions().contains(
                org.splitinfer.spi.Precision.BF16) ? org.splitinfer.spi.Precision.BF16
                : accelerator.roofline().computePrecisions().get(0));
        Footprint footprint = new Footprint(model.weightBytes(precision), model.kvBytesPerToken(precision.kvCache()),
                32 * 4096, 0);
        int chips = accelerator.memory().minChips(footprint).orElseThrow();
        int pipeline = Math.min(chips, model.layers());
        while (chips % pipeline != 0) {
            pipeline--;
        }
        layout = new ParallelLayout(chips / pipeline, pipeline, 1, 1);
        residency = accelerator.memory().place(footprint, chips).residency();
        coster = new StepCoster(accelerator, model, precision);
    }

    @Benchmark
    public StepCost decodeStep() {
        int i = counter++;
        return coster.cost(StepBatch.decode(1 + (i & 63), 1024 + (i & 1023)), layout, residency);
    }

    @Benchmark
    public StepCost prefillStep() {
        int i = counter++;
        return coster.cost(StepBatch.prefill(1, 512 + (i & 1023), 0), layout, residency);
    }
}
