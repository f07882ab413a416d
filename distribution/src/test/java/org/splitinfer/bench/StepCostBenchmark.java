package org.splitinfer.bench;

import java.util.SplittableRandom;
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
import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCostRange;
import org.splitinfer.core.cost.StepCostTable;
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
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;

/**
 * Step-time evaluation, what the simulator and planner call tens of millions of times, for Llama-3.1-70B on one pool
 * per chip: direct costing (plan the step into kernels and collectives, price them with the plugin's step model and
 * interconnect) and a lookup in the pool's {@link StepCostTable}.
 *
 * <p>Inputs vary as a simulation's do, and are drawn once in {@link #setUp} from a seeded generator into arrays that
 * every benchmark walks with a masked counter: drawing them inside the measured method would time the generator, and
 * a constant input would let the JIT hoist the whole computation out of the loop (the JMH samples' constant-folding
 * pitfall). Every result is returned, so JMH's blackhole consumes it and no work is dead code.
 *
 * <ul>
 *   <li>Decode: 4096 steps, each a uniform batch of 1 to 256 sequences (uniform) at a context of 128 to 32,768 tokens
 *       (uniform), so consecutive calls differ in both.</li>
 *   <li>Prefill: prompts of 1 to 16,384 tokens (uniform) cut into chunks of 2048, as a chunked-prefill scheduler
 *       does: most steps are whole 2048-token chunks after 0 to 14,336 tokens of prior context, the last chunk of each
 *       prompt is shorter.</li>
 * </ul>
 *
 * <p>What direct costing measures: the planner memoises the part of a step that depends on the token count only
 * (every kernel but attention), so after warm-up the 256 decode batch sizes are memo hits and each call still builds
 * the step's attention kernel, its lists, the SPI step and the cost records, and prices every kernel and collective.
 * That is a simulation's steady state (batch sizes repeat, contexts do not); {@link #decodeStepWideBatches} draws
 * batches from 1 to 4096, more sizes than the memo holds, to show the cost when it misses.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl distribution test-compile exec:exec@bench}, with
 * {@code -Dbench="decode -p hardware=h100-sxm -prof gc"} to narrow it (any JMH arguments). Targets per core: direct
 * decode costing at least 1,000,000 steps per second and at most 1 KB allocated per step ({@code gc.alloc.rate.norm}
 * under {@code -prof gc}); a table lookup at least 50,000,000 per second and nothing allocated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepCostBenchmark {
    private static final int INPUTS = 4096;
    private static final int MASK = INPUTS - 1;
    private static final int MAX_BATCH = 256;
    private static final long MAX_CONTEXT = 32_768;
    private static final int CHUNK = 2048;
    private static final int MAX_PROMPT = 16_384;

    @Param({"h100-sxm", "groq-lpu-v1", "cerebras-wse3", "sambanova-sn40l", "tt-wormhole-galaxy"})
    public String hardware;

    private StepCoster coster;
    private ParallelLayout layout;
    private Residency residency;
    private StepCostTable table;
    private final int[] batches = new int[INPUTS];
    private final int[] wideBatches = new int[INPUTS];
    private final long[] contexts = new long[INPUTS];
    private final int[] chunks = new int[INPUTS];
    private final long[] priors = new long[INPUTS];
    private int next;

    @Setup
    public void setUp() {
        HardwareRegistry registry = new HardwareLoader().load(PluginSearchPath.classPathOnly());
        Accelerator accelerator = registry.get(hardware);
        ModelSpec model = ModelCatalog.builtIn().get("llama-3.1-70b");
        ModelPrecision precision = ModelPrecision.uniform(accelerator.roofline().computePrecisions()
                .contains(Precision.BF16) ? Precision.BF16 : accelerator.roofline().computePrecisions().get(0));
        Footprint footprint = new Footprint(model.weightBytes(precision), model.kvBytesPerToken(precision.kvCache()),
                32 * 4096, 0);
        // the pool the estimator would size: the fewest chips that hold 32 sequences of 4,096 tokens and that a
        // serving stack can lay out, on the layout fastest for a batch of 32
        LayoutSearch search = new LayoutSearch(accelerator, model);
        int chips = search.fewestChips(accelerator.memory().minChips(footprint).orElseThrow()).orElseThrow();
        residency = accelerator.memory().place(footprint, chips).residency();
        coster = new StepCoster(accelerator, model, precision);
        StepBatch typical = StepBatch.decode(32, 4096);
        layout = search.fastest(chips, candidate -> coster.cost(typical, candidate, residency).latencySeconds(),
                "chips");

        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < INPUTS; i++) {
            batches[i] = 1 + random.nextInt(MAX_BATCH);
            wideBatches[i] = 1 + random.nextInt(4096);
            contexts[i] = 128 + random.nextLong(MAX_CONTEXT - 128 + 1);
        }
        int step = 0;
        while (step < INPUTS) {
            int prompt = 1 + random.nextInt(MAX_PROMPT);
            for (int prior = 0; prior < prompt && step < INPUTS; prior += CHUNK, step++) {
                chunks[step] = Math.min(CHUNK, prompt - prior);
                priors[step] = prior;
            }
        }
        // The table is built here, once per trial, so the lookups below measure lookups only.
        table = new StepCostTable(coster, layout, residency, new StepCostRange(MAX_BATCH, MAX_CONTEXT, CHUNK,
                MAX_PROMPT));
        table.decodeGrid();
        table.prefillGrid();
    }

    /** Direct costing of a decode step; the planner's memo holds every batch size drawn. */
    @Benchmark
    public StepCost decodeStep() {
        int i = next++ & MASK;
        return coster.cost(StepBatch.decode(batches[i], contexts[i]), layout, residency);
    }

    /** Direct costing of a decode step over 4096 batch sizes: mostly memo misses, every kernel planned afresh. */
    @Benchmark
    public StepCost decodeStepWideBatches() {
        int i = next++ & MASK;
        return coster.cost(StepBatch.decode(wideBatches[i], contexts[i]), layout, residency);
    }

    /** Direct costing of one chunk of a chunked prefill. */
    @Benchmark
    public StepCost prefillStep() {
        int i = next++ & MASK;
        return coster.cost(StepBatch.prefill(1, chunks[i], priors[i]), layout, residency);
    }

    /** The decode step's latency from the table, for the same inputs as {@link #decodeStep}. */
    @Benchmark
    public double decodeTableLookup() {
        int i = next++ & MASK;
        return table.decodeLatencySeconds(batches[i], contexts[i]);
    }

    /** The prefill chunk's latency from the table, for the same inputs as {@link #prefillStep}. */
    @Benchmark
    public double prefillTableLookup() {
        int i = next++ & MASK;
        return table.prefillLatencySeconds(chunks[i], priors[i]);
    }
}
