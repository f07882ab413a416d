package org.splitinfer.core.plan.internal;

import org.splitinfer.core.estimate.ResolvedDraft;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.input.Limits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.splitinfer.core.cost.DefaultFormats;
import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.estimate.internal.ChipEconomics;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.plan.ExcludedAccelerator;
import org.splitinfer.core.workload.WorkloadStats;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

/**
 * The instance shapes the planner considers for a chip in a role, each with what one instance does.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Formats.</b> The default-format rule's choice, and a cheaper one the chip computes: FP8 throughout, or
 *       INT8 when it has no FP8 (what Groq serves at).</li>
 *   <li><b>Chips.</b> The fewest that hold the weights and the KV cache of {@code sizing} requests in flight and that
 *       a serving stack can lay out ({@code auto}), and, while within the chip's scale-up domain, the next counts
 *       that run at two and four times that: more tensor parallelism, a faster step for more money.</li>
 *   <li><b>Prefill.</b> A mean prompt ({@code meanInput} tokens, no prior context) takes the step's latency; the
 *       instance takes a new one every step interval, so it serves {@code 1 ÷ interval} prompts per second. Its
 *       chunked-prefill budget is the largest of 8,192, 4,096, ... 512 tokens whose step stays within
 *       {@value #CHUNK_SHARE} of the objective's time to first token (at least 512): a step packs prompts up to
 *       the budget, and every prompt in it waits for the whole step. A long prompt ({@code p90Input}) runs as chunks
 *       of that budget, each after the ones before it.</li>
 *   <li><b>Decode.</b> The batch is the largest {@code b} whose time per output token at the mean context
 *       ({@code input + output/2}) stays within {@value #TPOT_MARGIN} of the objective's and whose requests' KV cache
 *       (at {@code input + output}) fills at most {@value #KV_MARGIN} of the room (answers vary in length), up to
 *       256 sequences; one instance then serves {@code b ÷ (TPOT × meanOutput)} requests per second. A shape whose
 *       batch of one already misses the objective is kept at batch 1 (the planner reports what it misses). With
 *       speculative decoding the draft is held on the decoding chips and TPOT is a verification step and its draft
 *       passes over the expected tokens they give.</li>
 *   <li><b>Colocated.</b> The decode batch as above; a request costs its prompt's latency (prefill and decode take
 *       turns) and its share of the decode steps: {@code 1 ÷ (prefill + meanOutput × TPOT ÷ b)} requests per
 *       second.</li>
 * </ul>
 */
final class ShapeFinder {
    /** The share of the objective's time per output token a planned batch may use: room for bursts. */
    static final double TPOT_MARGIN = 0.8;
    /** The share of an instance's KV room the planned batch's mean requests may fill. */
    static final double KV_MARGIN = 0.8;
    /** The share of the objective's time to first token one prefill step may take. */
    static final double CHUNK_SHARE = 0.3;
    private static final int[] CHUNKS = {8192, 4096, 2048, 1024, 512};
    private static final int MAX_BATCH = 256;

    private final Estimator estimator;
    private final ModelSpec model;
    private final WorkloadStats stats;
    private final Workload sizing;
    private final double tpotLimit;
    private final double stepLimit;
    private final long p90Input;
    private final String software;
    private final SpeculativeDecoding speculative;

    ShapeFinder(Estimator estimator, ModelSpec model, WorkloadStats stats, long p90Input, int sizingConcurrency,
                double ttftSeconds, double tpotSeconds, String software, boolean allowLongContext,
                SpeculativeDecoding speculative) {
        this.estimator = estimator;
        this.model = model;
        this.stats = stats;
        Workload mean = Workload.closedLoop(Math.max(1, Math.round(stats.meanInputTokens())),
                Math.max(1, Math.round(stats.meanOutputTokens())), sizingConcurrency);
        if (!allowLongContext && mean.finalContextTokens() > model.contextWindowTokens()) {
            throw new SplitInferException("the workload's mean request has " + Limits.count(mean.finalContextTokens())
                    + " prompt and answer tokens, more than the " + Limits.count(model.contextWindowTokens())
                    + "-token context window of '" + model.id() + "'; choose a model with a longer window or a"
                    + " workload of shorter requests, or set plan.allowLongContext",
                    null, List.of("plan.allowLongContext"));
        }
        this.sizing = allowLongContext ? mean.allowingLongContext() : mean;
        this.tpotLimit = TPOT_MARGIN * tpotSeconds;
        this.stepLimit = CHUNK_SHARE * ttftSeconds;
        this.p90Input = Math.max(1, p90Input);
        this.software = software;
        this.speculative = speculative;
    }

    /**
     * Every shape of every allowed chip, by role. A chip whose plugin fails while its shapes are found is left out
     * and reported.
     *
     * @param allowed  the chips
     * @param excluded where a chip left out is added
     * @return the shapes of each role, chip by chip in the order allowed
     */
    Map<PoolRole, List<PoolShape>> shapesByRole(List<Accelerator> allowed, List<ExcludedAccelerator> excluded) {
        Map<PoolRole, List<PoolShape>> shapes = new EnumMap<>(PoolRole.class);
        for (PoolRole role : PoolRole.values()) {
            shapes.put(role, new ArrayList<>());
        }
        for (Accelerator accelerator : allowed) {
            Map<PoolRole, List<PoolShape>> mine = new EnumMap<>(PoolRole.class);
            try {
                for (PoolRole role : PoolRole.values()) {
                    mine.put(role, shapes(accelerator, role));
                }
            } catch (PluginFaultException fault) {
                excluded.add(ExcludedAccelerator.of(fault));
                continue;
            }
            mine.forEach((role, ofRole) -> shapes.get(role).addAll(ofRole));
        }
        return shapes;
    }

    /**
     * @return every shape of the chip in the role that resolves; none when the chip cannot serve the model at all
     */
    List<PoolShape> shapes(Accelerator accelerator, PoolRole role) {
        List<PoolShape> shapes = new ArrayList<>();
        for (String formats : formats(accelerator)) {
            PoolSpec auto = PoolSpec.auto(accelerator.id()).withPrecision(formats);
            if (speculative != null && role != PoolRole.PREFILL) {
                // the draft lives on the decoding chips: it is sized into the fewest that hold everything
                auto = auto.withSpeculative(speculative);
            }
            ResolvedPool fewest;
            try {
                fewest = estimator.resolvePool(model, auto, role, sizing, software);
            } catch (PluginFaultException fault) {
                throw fault;
            } catch (SplitInferException e) {
                continue;
            }
            LayoutSearch search = new LayoutSearch(accelerator, model);
            Set<Integer> counts = new LinkedHashSet<>();
            counts.add(fewest.chips());
            int domain = accelerator.interconnect().scaleUpDomainChips();
            for (int factor : new int[] {2, 4}) {
                OptionalInt larger = search.fewestChips(fewest.chips() * factor);
                if (larger.isPresent() && larger.getAsInt() <= domain) {
                    counts.add(larger.getAsInt());
                }
            }
            for (int chips : counts) {
                try {
                    ResolvedPool pool = chips == fewest.chips() ? fewest
                            : estimator.resolvePool(model, auto.withChips(chips), role, sizing, software);
                    shapes.add(shape(role, pool));
                } catch (PluginFaultException fault) {
                    throw fault;
                } catch (SplitInferException e) {
                    // a larger instance of a chip that runs the model always resolves; nothing to report
                }
            }
        }
        return shapes;
    }

    /** The default-format rule's formats (null) and a cheaper one the chip computes, in CLI syntax. */
    private List<String> formats(Accelerator accelerator) {
        List<String> options = new ArrayList<>();
        options.add(null);
        String defaultWeights;
        try {
            defaultWeights = DefaultFormats.choose(model, accelerator.roofline(), accelerator.id()).precision()
                    .weights().name();
        } catch (PluginFaultException fault) {
            throw fault;
        } catch (SplitInferException e) {
            defaultWeights = "";
        }
        List<String> computes = accelerator.roofline().computePrecisions().stream().map(Precision::name).toList();
        for (String cheaper : new String[] {Precision.FP8.name(), Precision.INT8.name()}) {
            if (computes.contains(cheaper)) {
                if (!cheaper.equals(defaultWeights)) {
                    options.add(cheaper);
                }
                break;
            }
        }
        return options;
    }

    private PoolShape shape(PoolRole role, ResolvedPool pool) {
        long meanInput = Math.max(1, Math.round(stats.meanInputTokens()));
        long meanOutput = Math.max(1, Math.round(stats.meanOutputTokens()));
        double prefillLatency = 0;
        double prefillP90Latency = 0;
        double prefillInterval = 0;
        int chunk = 0;
        StepCost prompt = null;
        if (role != PoolRole.DECODE) {
            prompt = pool.coster().cost(StepBatch.prefill(1, meanInput, 0), pool.layout(), pool.residency());
            prefillLatency = prompt.latencySeconds();
            prefillInterval = role == PoolRole.COLOCATED ? prompt.latencySeconds() : prompt.intervalSeconds();
            chunk = chunk(pool);
            for (long done = 0; done < p90Input; done += chunk) {
                prefillP90Latency += pool.coster().cost(StepBatch.prefill(1, Math.min(chunk, p90Input - done), done),
                        pool.layout(), pool.residency()).latencySeconds();
            }
        }
        if (role == PoolRole.PREFILL) {
            return new PoolShape(role, pool, prefillLatency, prefillP90Latency, prefillInterval, chunk, 0, 0,
                    1 / prefillInterval, ChipEconomics.utilisation(pool.accelerator(), prompt));
        }
        long context = meanInput + meanOutput / 2;
        double perRequestKv = model.kvBytes(meanInput + meanOutput, pool.precision().kvCache());
        int memoryBatch = (int) Math.min(MAX_BATCH, Math.floor(KV_MARGIN * pool.kvCacheBytes() / perRequestKv));
        int batch = Math.max(1, memoryBatch);
        // the largest batch within the time-per-token limit: the step time grows with the batch
        if (tpot(pool, batch, context) > tpotLimit) {
            int low = 1;
            int high = batch;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (tpot(pool, middle, context) <= tpotLimit) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            batch = low;
        }
        double tpot = tpot(pool, batch, context);
        double perRequest = meanOutput * tpot / batch + (role == PoolRole.COLOCATED ? prefillLatency : 0);
        StepCost decodeStep = pool.coster().cost(StepBatch.decode(microBatch(pool, batch), context), pool.layout(),
                pool.residency());
        return new PoolShape(role, pool, prefillLatency, prefillP90Latency, prefillInterval, chunk, batch, tpot,
                1 / perRequest, ChipEconomics.utilisation(pool.accelerator(), decodeStep));
    }

    /** The largest chunk budget whose step stays within the share of the TTFT objective (see the notes). */
    private int chunk(ResolvedPool pool) {
        for (int tokens : CHUNKS) {
            double seconds = pool.coster().cost(StepBatch.prefill(1, tokens, 0), pool.layout(), pool.residency())
                    .latencySeconds();
            if (seconds <= stepLimit) {
                return tokens;
            }
        }
        return CHUNKS[CHUNKS.length - 1];
    }

    /**
     * A batch on a pipelined instance runs as {@code m = min(stages, b)} micro-batches, as the estimator has it. A
     * speculative pool's iteration is a verification of {@code k + 1} tokens per sequence and {@code k} draft passes,
     * and gives each sequence {@code E} tokens: its time per output token is the iteration over {@code E}.
     */
    private static double tpot(ResolvedPool pool, int batch, long context) {
        ParallelLayout layout = pool.layout();
        int microBatches = Math.min(layout.pipeline(), batch);
        int perMicroBatch = microBatch(pool, batch);
        ResolvedDraft draft = pool.draft();
        if (draft == null) {
            StepCost cost = pool.coster().cost(StepBatch.decode(perMicroBatch, context), layout, pool.residency());
            return StepCost.iterationSeconds(cost.latencySeconds(), cost.intervalSeconds(), microBatches,
                    pool.coster().stepOverheadSeconds());
        }
        int proposals = draft.speculative().tokens();
        StepCost verify = pool.coster().cost(StepBatch.verify(perMicroBatch, proposals + 1L, context), layout,
                pool.residency());
        StepCost pass = draft.coster().cost(StepBatch.decode(perMicroBatch, context), draft.layout(),
                pool.residency());
        return StepCost.speculativeIterationSeconds(verify, pass, proposals, microBatches,
                pool.coster().stepOverheadSeconds()) / draft.speculative().expectedTokensPerStep();
    }

    private static int microBatch(ResolvedPool pool, int batch) {
        int microBatches = Math.min(pool.layout().pipeline(), batch);
        return (batch + microBatches - 1) / microBatches;
    }
}
