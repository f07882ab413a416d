package org.splitinfer.core.sim.internal;

import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.estimate.Assumption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCostRange;
import org.splitinfer.core.cost.StepCostTables;
import org.splitinfer.core.error.internal.FigureAudit;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.ResolvedPipeline;
import org.splitinfer.core.estimate.ResolvedDraft;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.internal.ChipEconomics;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.sim.Bottleneck;
import org.splitinfer.core.sim.LinkUsage;
import org.splitinfer.core.sim.PoolUsage;
import org.splitinfer.core.sim.RejectionReason;
import org.splitinfer.core.sim.Rejections;
import org.splitinfer.core.sim.SimulationResult;
import org.splitinfer.core.sim.SimulationSpec;
import org.splitinfer.core.workload.RequestStream;
import org.splitinfer.core.workload.WorkloadStats;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;

/**
 * Runs one simulation of a resolved pipeline: builds the engine's view of the pools from their step-cost tables,
 * replays the workload, and prices what was measured.
 *
 * <h2>Notes: energy and cost</h2>
 * <ul>
 *   <li>A pool's busy share {@code u_b} is its instances' step time over instance-time; a chip draws
 *       {@code u_b × power(u) + (1 − u_b) × idle + node overhead}, where {@code u}, how hard it works while busy, is
 *       {@link ChipEconomics#utilisation} of the run's mean step (decode: the time-weighted mean batch at the
 *       workload's mean context midway through an answer; prefill: the mean step's tokens).</li>
 *   <li>Energy = Σ pools chips × wall watts × duration; tokens per joule = output tokens ÷ energy. Cost =
 *       Σ chips × {@link ChipEconomics#usdPerChipHour} × hours; per million output tokens. A run that produced no
 *       token reports 0 for both.</li>
 *   <li>The bottleneck is the resource with the largest share in use: a prefill or colocated pool's busy share
 *       (its steps are work-conserving: busy all the time means a growing queue); for a decode pool, which steps
 *       whenever it holds one sequence, the share of its batch capacity in use — the mean batch over the batch cap —
 *       or of its KV cache (time-averaged occupancy), whichever is larger; and the busiest KV link.</li>
 * </ul>
 */
public final class SimulationRunner {
    private final CostAssumptions cost;
    private final StepCostTables tables;

    /**
     * @param cost   how purchases and energy are paid for
     * @param tables step-cost tables shared between runs of the same pools
     */
    public SimulationRunner(CostAssumptions cost, StepCostTables tables) {
        this.cost = cost;
        this.tables = tables;
    }

    /**
     * @param spec     the run
     * @param resolved its pipeline, resolved
     * @param progress told how many requests have ended, now and then; may be null
     * @return the result
     */
    public SimulationResult run(SimulationSpec spec, ResolvedPipeline resolved, LongConsumer progress) {
        ModelSpec model = spec.model();
        WorkloadStats stats = spec.workload().stats();
        boolean split = resolved.kind() == PipelineKind.SPLIT;
        ResolvedPool first = resolved.pools().get(0);
        ResolvedPool decoding = split ? resolved.decode() : first;
        EngineConfig.Pool prefillPool = pool(first, spec, stats);
        EngineConfig.Pool decodePool = split ? pool(decoding, spec, stats) : null;
        Precision prefillKv = first.precision().kvCache();
        Precision decodeKv = decoding.precision().kvCache();
        double draftKvBytesPerToken = decoding.draft() == null ? 0 : decoding.draft().kvBytesPerToken();
        double convertBytesPerSecond = ChipEconomics.fullSpeedBytesPerSecond(decoding.accelerator()) * decoding.chips();
        KvSizes kv = new KvSizes() {
            @Override
            public double transferBytes(int inputTokens) {
                return model.kvBytes(inputTokens, prefillKv);
            }

            @Override
            public double reserveBytes(long contextTokens) {
                // a speculative pool keeps each sequence's draft cache beside the target's
                return model.kvBytes(contextTokens, decodeKv) + draftKvBytesPerToken * contextTokens;
            }

            @Override
            public long conversionNanos(int inputTokens) {
                if (!split || prefillKv.equals(decodeKv)) {
                    return 0;
                }
                double bytes = model.kvBytes(inputTokens, prefillKv) + model.kvBytes(inputTokens, decodeKv);
                return TableStepTimes.nanos(bytes / convertBytesPerSecond);
            }
        };
        EngineConfig config = new EngineConfig(split, prefillPool, decodePool,
                split ? resolved.linkBytesPerSecond() : 0,
                split ? Math.round(resolved.link().latencySeconds() * 1e9) : 0, resolved.layerStreaming(),
                model.layers(), kv, spec.scheduler().router(), Math.round(spec.sampleIntervalSeconds() * 1e9),
                spec.allowLongContext() ? Long.MAX_VALUE : model.contextWindowTokens());
        EngineOutcome outcome;
        try (RequestStream stream = spec.workload().open(spec.seed())) {
            outcome = new Engine(config, stream, spec.limit(), spec.slo(), progress).run();
        }
        return result(spec, resolved, outcome, stats);
    }

    /** The pool's own batch cap and chunk budget, else the run's; its table covers what they allow. */
    private EngineConfig.Pool pool(ResolvedPool pool, SimulationSpec spec, WorkloadStats stats) {
        int maxBatch = pool.spec().maxBatch().orElse(spec.scheduler().maxBatch());
        int chunk = pool.spec().chunkTokens().orElse(spec.scheduler().chunkTokens());
        StepCostRange range = new StepCostRange(maxBatch, (long) stats.maxInputTokens() + stats.maxOutputTokens(),
                chunk, stats.maxInputTokens());
        ResolvedDraft draft = pool.draft();
        StepTimes times;
        if (draft == null) {
            times = new TableStepTimes(tables.table(pool.coster(), pool.layout(), pool.residency(), range));
        } else {
            int proposals = draft.speculative().tokens();
            times = new SpeculativeStepTimes(
                    tables.verifyTable(pool.coster(), pool.layout(), pool.residency(), range, proposals + 1L),
                    tables.table(draft.coster(), draft.layout(), pool.residency(), range), proposals,
                    draft.speculative().expectedTokensPerStep());
        }
        return new EngineConfig.Pool(pool.instances(), times, pool.layout().pipeline(), pool.kvCacheBytes(),
                maxBatch, chunk);
    }

    private SimulationResult result(SimulationSpec spec, ResolvedPipeline resolved, EngineOutcome outcome,
                                    WorkloadStats stats) {
        double seconds = outcome.endNanos() / 1e9;
        boolean split = resolved.kind() == PipelineKind.SPLIT;
        List<PoolUsage> pools = new ArrayList<>();
        double meanBatch = outcome.decodeStepNanos() == 0 ? 0 : outcome.batchNanos() / outcome.decodeStepNanos();
        ResolvedPool decoding = split ? resolved.decode() : resolved.colocated();
        double occupancy = seconds == 0 ? 0 : outcome.kvReservedByteNanos()
                / (decoding.kvCacheBytes() * decoding.instances() * outcome.endNanos());
        for (ResolvedPool pool : resolved.pools()) {
            double busyNanos = switch (pool.role()) {
                case PREFILL -> outcome.prefillBusyNanos();
                case DECODE -> outcome.decodeBusyNanos();
                case COLOCATED -> outcome.prefillBusyNanos() + outcome.decodeBusyNanos();
            };
            double busy = outcome.endNanos() == 0 ? 0
                    : Math.min(1, busyNanos / ((double) pool.instances() * outcome.endNanos()));
            double utilisation = utilisation(pool, outcome, meanBatch, stats);
            Accelerator accelerator = pool.accelerator();
            PowerModel power = accelerator.power();
            double watts = busy * power.watts(utilisation) + (1 - busy) * power.idleWatts()
                    + power.nodeOverheadWattsPerChip();
            boolean decodes = pool.role() != PoolRole.PREFILL;
            pools.add(new PoolUsage(pool.role(), accelerator.id(), accelerator.spec().status(),
                    accelerator.spec().assumptions().size(), pool.instances(), pool.chips(), pool.layout(),
                    pool.precision(), busy, decodes ? meanBatch : 0,
                    decodes ? meanBatch / pool.spec().maxBatch().orElse(spec.scheduler().maxBatch()) : 0,
                    decodes ? occupancy : 0, utilisation, watts,
                    ChipEconomics.usdPerChipHour(accelerator, watts, cost)));
        }
        Optional<LinkUsage> link = Optional.empty();
        if (split) {
            double[] bytes = outcome.linkBytes();
            double total = 0;
            double most = 0;
            for (double b : bytes) {
                total += b;
                most = Math.max(most, b);
            }
            double capacity = resolved.linkBytesPerSecond() * seconds;
            link = Optional.of(new LinkUsage(resolved.link().id(), bytes.length, resolved.linkBytesPerSecond(),
                    outcome.transfers(), total, capacity == 0 ? 0 : total / (capacity * bytes.length),
                    capacity == 0 ? 0 : most / capacity));
        }
        double joules = 0;
        double usd = 0;
        for (PoolUsage pool : pools) {
            joules += pool.chips() * pool.wallWattsPerChip() * seconds;
            usd += pool.chips() * pool.usdPerChipHour() * seconds / 3600;
        }
        long tokens = outcome.outputTokens();
        long ended = outcome.completed() + outcome.rejected();
        List<Rejections> rejected = new ArrayList<>();
        if (outcome.rejectedContextWindow() > 0) {
            rejected.add(new Rejections(RejectionReason.CONTEXT_WINDOW_EXCEEDED, outcome.rejectedContextWindow()));
        }
        if (outcome.rejectedKvCache() > 0) {
            rejected.add(new Rejections(RejectionReason.KV_CACHE_TOO_SMALL, outcome.rejectedKvCache()));
        }
        double batchShare = meanBatch / decoding.spec().maxBatch().orElse(spec.scheduler().maxBatch());
        return FigureAudit.requireSound(new SimulationResult(spec.model().id(), resolved.kind(),
                spec.workload().name(), spec.seed(),
                spec.slo(), outcome.arrived(), outcome.completed(), rejected, outcome.inFlight(), seconds,
                outcome.ttft(), outcome.tpot(), outcome.e2e(), outcome.queue(),
                ended == 0 ? 0 : (double) outcome.sloMet() / ended, goodput(spec, outcome),
                seconds == 0 ? 0 : tokens / seconds, joules == 0 || tokens == 0 ? 0 : tokens / joules,
                tokens == 0 ? 0 : usd / tokens * 1e6, pools, link,
                bottleneck(pools, occupancy, batchShare, link),
                outcome.events(), assumptions(resolved, decoding, stats), outcome.samples()), "simulation",
                spec.model().id());
    }

    /**
     * The resolver's assumptions, and a speculative pool's: its draft, proposals, acceptance and tokens per
     * iteration, with a verification and a draft pass priced for one sequence at the mean decode context (a run's
     * iterations vary in batch and context; the estimate of the same pool gives its steps at its batch).
     */
    private static List<Assumption> assumptions(ResolvedPipeline resolved, ResolvedPool decoding,
                                                WorkloadStats stats) {
        ResolvedDraft draft = decoding.draft();
        if (draft == null) {
            return resolved.assumptions();
        }
        SpeculativeDecoding speculative = draft.speculative();
        int proposals = speculative.tokens();
        long context = Math.round(stats.meanInputTokens() + stats.meanOutputTokens() / 2);
        double verify = decoding.coster().cost(StepBatch.verify(1, proposals + 1L, context), decoding.layout(),
                decoding.residency()).latencySeconds();
        double pass = draft.coster().cost(StepBatch.decode(1, context), draft.layout(), decoding.residency())
                .latencySeconds();
        List<Assumption> all = new ArrayList<>(resolved.assumptions());
        all.add(new Assumption.SpeculativeDecodingApplied(decoding.role(),
                speculative.draft() instanceof SpeculativeDecoding.DraftModel model ? model.model().id() : null,
                speculative.draft() instanceof SpeculativeDecoding.Heads heads ? heads.layers() : 0, proposals,
                speculative.acceptance(), speculative.expectedTokensPerStep(), verify, pass, draft.chips(),
                draft.layout().tensor(), draft.layout().pipeline(), draft.weightBytes()));
        return all;
    }

    /**
     * Requests meeting the objective per second of offered traffic: over the arrivals (the time limit, or until the
     * last request arrived), not the drain after them, so a short run does not read as lower goodput than a long one
     * at the same rate. A backlog, all at time 0, has no arrival window: its run's whole duration counts.
     */
    private static double goodput(SimulationSpec spec, EngineOutcome outcome) {
        long window = spec.limit().byTime() ? outcome.endNanos() : outcome.lastArrivalNanos();
        if (window <= 0) {
            window = outcome.endNanos();
        }
        return window <= 0 ? 0 : outcome.sloMet() / (window / 1e9);
    }

    /** How hard a chip of the pool works during the run's mean step (see the notes). */
    private static double utilisation(ResolvedPool pool, EngineOutcome outcome, double meanBatch,
                                      WorkloadStats stats) {
        StepBatch step;
        if (pool.role() == PoolRole.PREFILL || (pool.role() == PoolRole.COLOCATED && meanBatch < 1)) {
            if (outcome.prefillSteps() == 0) {
                return 0;
            }
            long tokens = Math.max(1, Math.round((double) outcome.promptTokensStepped() / outcome.prefillSteps()));
            step = StepBatch.prefill(1, tokens, 0);
        } else {
            if (meanBatch <= 0) {
                return 0;
            }
            long context = Math.round(stats.meanInputTokens() + stats.meanOutputTokens() / 2);
            step = StepBatch.decode(Math.max(1, (int) Math.round(meanBatch)), context);
        }
        StepCost cost = pool.coster().cost(step, pool.layout(), pool.residency());
        return ChipEconomics.utilisation(pool.accelerator(), cost);
    }

    private static Bottleneck bottleneck(List<PoolUsage> pools, double occupancy, double batchShare,
                                         Optional<LinkUsage> link) {
        Bottleneck limit = Bottleneck.PREFILL_POOL;
        double most = -1;
        for (PoolUsage pool : pools) {
            double share = pool.role() == PoolRole.DECODE ? batchShare : pool.busyFraction();
            if (share > most) {
                most = share;
                limit = switch (pool.role()) {
                    case PREFILL -> Bottleneck.PREFILL_POOL;
                    case DECODE -> Bottleneck.DECODE_POOL;
                    case COLOCATED -> Bottleneck.COLOCATED_POOL;
                };
            }
        }
        if (occupancy > most) {
            most = occupancy;
            limit = Bottleneck.KV_CACHE;
        }
        if (link.isPresent() && link.get().maxUtilisation() > most) {
            limit = Bottleneck.KV_LINK;
        }
        return limit;
    }
}
