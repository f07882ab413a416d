package org.splitinfer.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitinfer.core.cost.DefaultFormats;
import org.splitinfer.core.cost.StepAdjustment;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCostGrid;
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
import org.splitinfer.spi.Residency;

/**
 * The step-cost table's promise, checked against direct costing with the shipped plugins: every decode batch from 1
 * to 256 against hundreds of contexts up to 131,072, and a dense set of prefill chunks up to 16,384 tokens against
 * prior contexts up to 131,072, are within 1% in latency and interval, for every family (GPU, LPU, wafer, RDU,
 * RISC-V mesh, optical) and for dense, sliding-window, MLA and MoE models.
 *
 * <p>The swept inputs are chosen to sit where interpolation is worst: every integer batch, all small contexts and
 * chunks (where costs bend most), a geometric ladder over the rest, seeded random points, and the quarter points of
 * every grid cell (the builder probed the midpoints; the quarters are points it never saw).
 */
class StepCostTableAccuracyTest {
    private static final StepCostRange RANGE = new StepCostRange(256, 131_072, 16_384, 131_072);
    /** A serving stack's efficiency, fixed overhead and per-collective-step latency, so every term is exercised. */
    private static final StepAdjustment STACK = new StepAdjustment(0.8, 2e-4, 1e-6);
    private static final double BOUND = 0.01;

    private static HardwareRegistry hardware;
    private static ModelCatalog catalog;

    @BeforeAll
    static void load() {
        hardware = new HardwareLoader().load(PluginSearchPath.classPathOnly());
        catalog = ModelCatalog.builtIn();
    }

    static Stream<Arguments> pools() {
        return Stream.of(
                Arguments.of("h100-sxm", "llama-3.1-70b"),
                Arguments.of("groq-lpu-v1", "llama-3.1-70b"),
                Arguments.of("cerebras-wse3", "llama-3.1-70b"),
                Arguments.of("sambanova-sn40l", "llama-3.1-70b"),
                Arguments.of("tt-wormhole-galaxy", "llama-3.1-70b"),
                Arguments.of("lumai-tetra-2029", "llama-3.1-70b"),
                Arguments.of("lightmatter-envise", "llama-3.1-8b"),
                Arguments.of("mi300x", "deepseek-v3"),
                Arguments.of("h200-sxm", "gpt-oss-120b"),
                Arguments.of("b200", "mixtral-8x7b"),
                Arguments.of("gaudi3", "qwen3-235b-a22b"));
    }

    /**
     * A pool as a user would size it: the model's default formats on the chip; the fewest chips that hold its weights
     * and 32 sequences of 4096 tokens; tensor-parallel over up to 8 of them (more where the pipeline stages would
     * otherwise outnumber the layers), the rest as pipeline stages.
     */
    private static StepCostTable table(String hardwareId, String modelId) {
        Accelerator accelerator = hardware.get(hardwareId);
        ModelSpec model = catalog.get(modelId);
        ModelPrecision precision = DefaultFormats.choose(model, accelerator.roofline(), hardwareId).precision();
        Footprint footprint = new Footprint(model.weightBytes(precision), model.kvBytesPerToken(precision.kvCache()),
                32 * 4096, 0);
        int chips = accelerator.memory().minChips(footprint).orElseThrow();
        int tensor = 1;
        while ((chips + tensor - 1) / tensor > model.layers() || tensor < Math.min(8, chips) && chips % (2 * tensor) == 0) {
            tensor *= 2;
        }
        int pipeline = (chips + tensor - 1) / tensor;
        Residency residency = accelerator.memory().place(footprint, tensor * pipeline).residency();
        StepCoster coster = new StepCoster(accelerator, model, precision, STACK, false);
        return new StepCostTable(coster, new ParallelLayout(tensor, pipeline, 1, 1), residency, RANGE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pools")
    void decodeIsWithinOnePercentOfDirectCostingForEveryBatch(String hardwareId, String modelId) {
        StepCostTable table = table(hardwareId, modelId);
        StepCostGrid grid = table.decodeGrid();
        TreeSet<Long> contexts = sweep(RANGE.maxContextTokens(), 32, 1.07, grid, false, new SplittableRandom(1));
        Worst worst = new Worst();
        for (int batch = 1; batch <= RANGE.maxBatch(); batch++) {
            for (long context : contexts) {
                StepCost direct = table.coster().cost(StepBatch.decode(batch, context), table.layout(),
                        table.residency());
                worst.check(table.decodeLatencySeconds(batch, context), direct.latencySeconds(),
                        "decode latency at batch " + batch + ", context " + context);
                worst.check(table.decodeIntervalSeconds(batch, context), direct.intervalSeconds(),
                        "decode interval at batch " + batch + ", context " + context);
            }
        }
        assertThat(worst.error).as("%s %s: worst %s", hardwareId, modelId, worst).isLessThanOrEqualTo(BOUND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pools")
    void prefillIsWithinOnePercentOfDirectCostingForADenseSetOfChunks(String hardwareId, String modelId) {
        StepCostTable table = table(hardwareId, modelId);
        StepCostGrid grid = table.prefillGrid();
        SplittableRandom random = new SplittableRandom(2);
        TreeSet<Long> chunks = sweep(RANGE.maxChunkTokens(), 128, 1.03, grid, true, random);
        TreeSet<Long> priors = sweep(RANGE.maxPriorContextTokens(), 16, 1.25, grid, false, random);
        Worst worst = new Worst();
        for (long chunk : chunks) {
            if (chunk < 1) {
                continue;
            }
            for (long prior : priors) {
                StepCost direct = table.coster().cost(StepBatch.prefill(1, chunk, prior), table.layout(),
                        table.residency());
                worst.check(table.prefillLatencySeconds((int) chunk, prior), direct.latencySeconds(),
                        "prefill latency of " + chunk + " tokens after " + prior);
                worst.check(table.prefillIntervalSeconds((int) chunk, prior), direct.intervalSeconds(),
                        "prefill interval of " + chunk + " tokens after " + prior);
            }
        }
        assertThat(worst.error).as("%s %s: worst %s", hardwareId, modelId, worst).isLessThanOrEqualTo(BOUND);
    }

    /**
     * Inputs to sweep along one axis: every integer to {@code dense}, a geometric ladder of ratio {@code ratio} to the
     * maximum, the maximum, 48 random values, and the quarter points of the grid's cells along that axis.
     */
    private static TreeSet<Long> sweep(long max, long dense, double ratio, StepCostGrid grid, boolean xAxis,
                                       SplittableRandom random) {
        TreeSet<Long> values = new TreeSet<>();
        for (long value = 0; value <= Math.min(dense, max); value++) {
            values.add(value);
        }
        for (double value = dense; value < max; value *= ratio) {
            values.add((long) value);
        }
        values.add(max);
        for (int i = 0; i < 48; i++) {
            values.add(random.nextLong(max + 1));
        }
        int nodes = xAxis ? grid.xNodes() : grid.yNodes();
        for (int i = 0; i + 1 < nodes; i++) {
            long low = xAxis ? grid.xNode(i) : grid.yNode(i);
            long high = Math.min(max, xAxis ? grid.xNode(i + 1) : grid.yNode(i + 1));
            values.add(low + (high - low) / 4);
            values.add(low + 3 * (high - low) / 4);
        }
        return values;
    }

    /** The largest relative difference seen, and where. */
    private static final class Worst {
        private double error;
        private String where = "none";
        private double tabulated;
        private double direct;

        void check(double tabulatedSeconds, double directSeconds, String at) {
            double relative = Math.abs(tabulatedSeconds - directSeconds) / directSeconds;
            if (!(relative <= error)) {
                error = relative;
                where = at;
                tabulated = tabulatedSeconds;
                direct = directSeconds;
            }
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.4f%% at %s (table %.6g s, direct %.6g s)", 100 * error,
                    where, tabulated, direct);
        }
    }
}
