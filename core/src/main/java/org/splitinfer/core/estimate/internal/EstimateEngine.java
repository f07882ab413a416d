package org.splitinfer.core.estimate.internal;

import org.splitinfer.core.cost.AppliedProfile;
import org.splitinfer.core.hardware.FigureOverride;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.error.internal.FigureAudit;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PipelineKind;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.ResolvedPipeline;
import org.splitinfer.core.estimate.ResolvedDraft;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.PowerModel;

/**
 * The closed-form estimator behind {@link org.splitinfer.core.estimate.Estimator}.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Chips and layout.</b> {@code auto} chips are the fewest chips that hold the weights and the KV cache of the
 *       sequences an instance serves at once (its share of the requests in flight, at their final context; one
 *       prompt for a prefill pool or an offline backlog) by the memory model, rounded up to the fewest that a
 *       runnable layout uses exactly ({@link org.splitinfer.core.cost.LayoutSearch}). A given chip count must hold
 *       the weights and one sequence. Without a given layout, every runnable {@code tp × pp} split of the instance's
 *       chips is priced and the fastest for the pool's role is kept (decode and colocated: time per output token at
 *       the operating batch; prefill: one prompt's latency).</li>
 *   <li><b>Batch.</b> The largest batch is the full-speed memory the placement leaves free on all chips ÷ one
 *       request's KV cache at its final context.
 *       Closed loop: {@code ceil(concurrency ÷ instances)} sequences per decode instance, capped by that; offline:
 *       the largest batch.</li>
 *   <li><b>Decode.</b> A batch of {@code b} runs as {@code m = min(pp, b)} micro-batches of {@code ceil(b/m)} so the
 *       stages stay busy; a token of one sequence takes {@code TPOT = max(latency, m × interval)} of a
 *       micro-batch's step, and an instance delivers {@code b ÷ TPOT} tokens per second (a pipelined family —
 *       LPU chains, multi-wafer — delivers micro-batches in flight ÷ slowest stage, not 1 ÷ the sum of
 *       stages).</li>
 *   <li><b>Speculative decoding</b> ({@link SpeculativeDecoding}, a decoding pool's option). A step of a micro-batch
 *       is {@code k} passes of the draft (one new token per sequence each, at the mean decode context) and one
 *       verification pass of the target over {@code k + 1} new tokens per sequence ({@link StepBatch#verify}: the
 *       causal attention and the LM head over all of them): {@code latency = verify + k × draft pass} and
 *       {@code interval = verify interval + k × draft interval}. A step emits
 *       {@code E = (1 − α^(k+1)) ÷ (1 − α)} tokens on average (Leviathan et al. 2023), so
 *       {@code TPOT = max(latency, m × interval) ÷ E}; the first decode step TTFT waits for is a whole step. The
 *       draft lives on the pool's chips: its weights and each sequence's draft KV cache count in the footprint that
 *       sizes {@code auto} chips and the largest batch. Its passes pay the stack's kernel efficiency and collective
 *       latency, but the stack's fixed per-step overhead once per step, with the verification: serving stacks run
 *       the draft's passes within one scheduler iteration (one scheduling, one acceptance check, one streamed
 *       chunk). Not modelled: the draft's catch-up over the tokens it did not propose, and tree-shaped proposals.</li>
 *   <li><b>Prefill.</b> One prompt's step latency; an instance accepts {@code 1 ÷ interval} prompts per second.</li>
 *   <li><b>TTFT</b> (no queueing) = prefill latency + exposed KV transfer (+ format conversion) + the first decode
 *       step's latency.</li>
 *   <li><b>KV transfer</b> = link latency + prompt KV bytes (at the prefill pool's KV format) ÷ min(link bandwidth,
 *       either end's NICs together): one link of the chosen type per instance pair; with layer streaming only what outlasts the prefill (at least the last layer's share)
 *       is exposed. Pools with different KV formats pay a conversion that reads and writes the cache once at the
 *       decode chips' full-speed memory bandwidth.</li>
 *   <li><b>Throughput.</b> Closed loop of {@code C} requests: {@code X = min(C × out ÷ (TTFT + out × TPOT),
 *       decode capacity, prefill capacity × out)} (Little's law, then the slower pool); offline: the capacities.
 *       Colocated: an instance time-shares prefill and decode, {@code b × out ÷ (out × TPOT + b × prefill
 *       interval)} when saturated.</li>
 *   <li><b>Energy.</b> A pool is busy for the fraction of its capacity in use; busy chips draw
 *       {@code power(u)} at utilisation {@code u = max(FLOPs ÷ (peak × t), bytes ÷ (bandwidth × t))} of their step,
 *       idle ones idle power; every chip adds its node overhead. Tokens per joule = X ÷ wall watts.</li>
 *   <li><b>Cost.</b> From {@link org.splitinfer.spi.Accelerator#price()}: a chip with a purchase price is amortised over {@link CostAssumptions#lifetimeYears()} plus its
 *       wall energy × PUE at the electricity price; a chip with only a rental price is charged that.
 *       $/Mtok = $/hour ÷ (X × 3600) × 10^6.</li>
 * </ul>
 */
public final class EstimateEngine {
    private final LinkCatalog links;
    private final CostAssumptions cost;
    private final ServingCalibration calibration;
    private final PoolResolver resolver;

    /**
     * @param hardware    installed accelerators
     * @param links       KV links
     * @param cost        cost assumptions
     * @param calibration fitted serving-stack profiles
     */
    public EstimateEngine(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost,
                          ServingCalibration calibration) {
        this.links = links;
        this.cost = cost;
        this.calibration = calibration;
        this.resolver = new PoolResolver(hardware, calibration);
    }

    /**
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack whose fitted profile applies, or null for the unknown-stack profile
     * @return the estimate
     */
    public Estimate estimate(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        requireContextWindow(model, workload);
        ResolvedPipeline resolved = resolve(model, pipeline, workload, software);
        List<Assumption> assumptions = new ArrayList<>(resolved.assumptions());
        Estimate estimate = resolved.kind() == PipelineKind.SPLIT ? split(model, resolved, workload, assumptions)
                : colocated(model, resolved.colocated(), workload, assumptions);
        // the backstop behind every plugin call: no NaN, infinity or negative figure leaves the estimator
        return FigureAudit.requireSound(estimate, "estimate", model.id());
    }

    /**
     * Makes every choice a deployment left open (formats, chips per instance, layouts, the KV link), for a workload
     * whose requests in flight size the {@code auto} pools.
     *
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests that size it
     * @param software the serving stack whose fitted profile applies, or null for the unknown-stack profile
     * @return the resolved pipeline, its choices as assumptions (the stack profile first)
     */
    public ResolvedPipeline resolve(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        List<Assumption> assumptions = new ArrayList<>();
        if (pipeline instanceof PipelineSpec.Colocated colocated) {
            ResolvedPool pool = resolver.resolve(model, colocated.pool(), PoolRole.COLOCATED, workload, software,
                    assumptions);
            requireChipLimit(List.of(pool));
            return new ResolvedPipeline(PipelineKind.COLOCATED, List.of(pool), null, 0, false,
                    profilesFirst(software, List.of(pool), assumptions));
        }
        PipelineSpec.Split split = (PipelineSpec.Split) pipeline;
        ResolvedPool decodePool = resolver.resolve(model, split.decode(), PoolRole.DECODE, workload, software,
                assumptions);
        ResolvedPool prefillPool = resolver.resolve(model, split.prefill(), PoolRole.PREFILL, workload, software,
                assumptions);
        requireChipLimit(List.of(prefillPool, decodePool));
        assumptions = profilesFirst(software, List.of(prefillPool, decodePool), assumptions);
        KvLink link = split.link() == null ? links.defaultLink() : links.get(split.link());
        // One link of the chosen type per instance pair; each end's chips send or receive their share of the cache
        // through their own NICs, so an end limits the transfer only when all its NICs together are slower.
        double bandwidth = Math.min(link.bytesPerSecond(), Math.min(
                prefillPool.chips() * prefillPool.accelerator().interconnect().scaleOutBytesPerSecond(),
                decodePool.chips() * decodePool.accelerator().interconnect().scaleOutBytesPerSecond()));
        return new ResolvedPipeline(PipelineKind.SPLIT, List.of(prefillPool, decodePool), link, bandwidth,
                split.layerStreaming(), assumptions);
    }

    /**
     * The stack profile of each family the pools run on (one per family, in pool order), then the other assumptions.
     */
    private List<Assumption> profilesFirst(String software, List<ResolvedPool> pools, List<Assumption> rest) {
        List<Assumption> assumptions = new ArrayList<>();
        Set<Family> families = new LinkedHashSet<>();
        for (ResolvedPool pool : pools) {
            families.add(pool.accelerator().spec().family());
        }
        for (Family family : families) {
            AppliedProfile applied = calibration.applied(software, family);
            assumptions.add(new Assumption.StackProfileApplied(software, family.name(), applied.source(),
                    applied.stack(), applied.profile().kernelEfficiency(), applied.profile().stepOverheadSeconds(),
                    applied.profile().prefillKernelEfficiency(), applied.profile().sequenceSeconds(),
                    applied.profile().ringStepSeconds(), applied.profile().layerSeconds(),
                    applied.profile().attentionEfficiency()));
        }
        // the user's what-if figures next: every other figure rests on them
        Set<String> chips = new LinkedHashSet<>();
        for (ResolvedPool pool : pools) {
            if (chips.add(pool.accelerator().id())) {
                for (Figure figure : pool.accelerator().spec().figures()) {
                    if (figure.isAssumption() && figure.assumption().startsWith(FigureOverride.ASSUMPTION_PREFIX)) {
                        assumptions.add(new Assumption.UserSetFigure(pool.accelerator().id(), figure.name(),
                                figure.value(), figure.assumption()));
                    }
                }
            }
        }
        assumptions.addAll(rest);
        return assumptions;
    }

    /**
     * A request's prompt and answer together within the model's window, unless the workload allows long context.
     */
    private static void requireContextWindow(ModelSpec model, Workload workload) {
        if (!workload.allowLongContext() && workload.finalContextTokens() > model.contextWindowTokens()) {
            throw new EstimateException("workload.inputTokens + workload.outputTokens = "
                    + Limits.count(workload.finalContextTokens()) + " tokens exceed the "
                    + Limits.count(model.contextWindowTokens()) + "-token context window of '" + model.id()
                    + "'; lower workload.inputTokens or workload.outputTokens, or set workload.allowLongContext",
                    List.of("workload.inputTokens", "workload.outputTokens", "workload.allowLongContext"));
        }
    }

    /**
     * Chips of each pool (auto ones sized now) and of the deployment within {@link Limits#MAX_CHIPS}, so every
     * count that follows fits an {@code int}.
     */
    private static void requireChipLimit(List<ResolvedPool> pools) {
        long deployment = 0;
        for (ResolvedPool pool : pools) {
            long chips = (long) pool.chips() * pool.instances();
            String role = pool.role().field();
            if (chips > Limits.MAX_CHIPS) {
                throw new EstimateException(String.format(Locale.ROOT, "the %s pool needs %d chips × %d instances ="
                                + " %s chips, more than the %s SplitInfer models in a pool; use fewer %s.instances or"
                                + " a smaller %s.chips", role, pool.chips(), pool.instances(), Limits.count(chips),
                        Limits.count(Limits.MAX_CHIPS), role, role),
                        List.of(role + ".instances", role + ".chips"));
            }
            deployment += chips;
        }
        if (deployment > Limits.MAX_CHIPS) {
            throw new EstimateException("the deployment needs " + Limits.count(deployment) + " chips, more than the "
                    + Limits.count(Limits.MAX_CHIPS) + " SplitInfer models in a deployment; use fewer instances",
                    List.of());
        }
    }

    /**
     * Makes every choice one pool left open, for the role it plays.
     *
     * @param model    the model
     * @param pool     the pool
     * @param role     what it runs
     * @param workload the requests that size it
     * @param software the serving stack, or null
     * @return the resolved pool; its choices are dropped
     */
    public ResolvedPool resolvePool(ModelSpec model, PoolSpec pool, PoolRole role, Workload workload,
                                    String software) {
        return resolver.resolve(model, pool, role, workload, software, new ArrayList<>());
    }

    private Estimate split(ModelSpec model, ResolvedPipeline resolved, Workload workload,
                           List<Assumption> assumptions) {
        ResolvedPool decodePool = resolved.decode();
        int batch = batch(decodePool, workload, assumptions);
        DecodePoint decode = decode(decodePool, batch, workload, assumptions);
        ResolvedPool prefillPool = resolved.prefill();
        StepCost prefill = prefillCost(prefillPool, workload);

        KvLink link = resolved.link();
        double kvBytes = model.kvBytes(workload.inputTokens(), prefillPool.precision().kvCache());
        double bandwidth = resolved.linkBytesPerSecond();
        double transfer = link.latencySeconds() + kvBytes / bandwidth;
        assumptions.add(new Assumption.KvTransfer(workload.inputTokens(), kvBytes, link, bandwidth));
        double exposed = transfer;
        if (resolved.layerStreaming()) {
            double lastLayer = link.latencySeconds() + kvBytes / model.layers() / bandwidth;
            exposed = Math.max(lastLayer, transfer - prefill.latencySeconds());
            assumptions.add(new Assumption.LayerStreaming());
        }
        if (!prefillPool.precision().kvCache().equals(decodePool.precision().kvCache())) {
            double converted = kvBytes + model.kvBytes(workload.inputTokens(), decodePool.precision().kvCache());
            double conversion = converted / ChipEconomics.fullSpeedBytesPerSecond(decodePool.accelerator())
                    / decodePool.chips();
            exposed += conversion;
            assumptions.add(new Assumption.KvConversion(prefillPool.precision().kvCache(),
                    decodePool.precision().kvCache(), conversion));
        }

        double ttft = prefill.latencySeconds() + exposed + decode.firstStepSeconds();
        double decodeCapacity = (double) decodePool.instances() * batch / decode.tpotSeconds;
        double prefillRequestsPerSecond = prefillPool.instances() / prefill.intervalSeconds();
        double outputTokens = workload.outputTokens();
        double throughput;
        int concurrency;
        if (workload.offline()) {
            concurrency = inFlight(decodePool, batch);
            throughput = Math.min(decodeCapacity, prefillRequestsPerSecond * outputTokens);
        } else {
            concurrency = Math.min(workload.concurrency().getAsInt(), inFlight(decodePool, batch));
            double loop = concurrency * outputTokens / (ttft + outputTokens * decode.tpotSeconds);
            throughput = Math.min(loop, Math.min(decodeCapacity, prefillRequestsPerSecond * outputTokens));
        }
        double prefillBusy = Math.min(1, throughput / outputTokens / prefillRequestsPerSecond);
        double decodeBusy = Math.min(1, throughput / decodeCapacity);
        PhaseEstimate prefillPhase = phase(prefillPool, 1, ChipEconomics.utilisation(prefillPool.accelerator(),
                prefill), prefill.intervalSeconds(), prefillBusy, prefill.latencySeconds());
        PhaseEstimate decodePhase = phase(decodePool, batch, decode.utilisation(), decode.intervalSeconds(),
                decodeBusy, decode.tpotSeconds);
        return result(model, PipelineKind.SPLIT, ttft, decode.tpotSeconds, throughput, exposed, concurrency,
                List.of(prefillPhase, decodePhase), assumptions);
    }

    private Estimate colocated(ModelSpec model, ResolvedPool pool, Workload workload, List<Assumption> assumptions) {
        int batch = batch(pool, workload, assumptions);
        DecodePoint decode = decode(pool, batch, workload, assumptions);
        StepCost prefill = prefillCost(pool, workload);
        double outputTokens = workload.outputTokens();
        double ttft = prefill.latencySeconds() + decode.firstStepSeconds();
        double saturated = (double) pool.instances() * batch * outputTokens
                / (outputTokens * decode.tpotSeconds + batch * prefill.intervalSeconds());
        double throughput;
        int concurrency;
        if (workload.offline()) {
            concurrency = inFlight(pool, batch);
            throughput = saturated;
        } else {
            concurrency = Math.min(workload.concurrency().getAsInt(), inFlight(pool, batch));
            double loop = concurrency * outputTokens / (ttft + outputTokens * decode.tpotSeconds);
            throughput = Math.min(loop, saturated);
        }
        assumptions.add(new Assumption.ColocatedBatching());
        PhaseEstimate phase = phase(pool, batch, decode.utilisation(), decode.intervalSeconds(),
                Math.min(1, throughput / saturated), decode.tpotSeconds);
        return result(model, PipelineKind.COLOCATED, ttft, decode.tpotSeconds, throughput, 0, concurrency,
                List.of(phase), assumptions);
    }

    private Estimate result(ModelSpec model, PipelineKind kind, double ttft, double tpot, double throughput,
                            double kvTransfer, int concurrency, List<PhaseEstimate> phases,
                            List<Assumption> assumptions) {
        int chips = 0;
        double watts = 0;
        double usdPerHour = 0;
        for (PhaseEstimate phase : phases) {
            chips += phase.chips();
            watts += phase.chips() * phase.wallWattsPerChip();
            usdPerHour += phase.chips() * phase.usdPerChipHour();
        }
        assumptions.add(new Assumption.CostBasis(cost));
        return new Estimate(model.id(), kind, ttft, tpot, throughput, 1 / tpot, throughput / watts,
                usdPerHour / (throughput * 3600) * 1e6, kvTransfer, chips, watts, usdPerHour, concurrency, phases,
                assumptions);
    }

    /**
     * A decoding pool at its operating batch: the first step's latency (what TTFT waits for), the time per output
     * token, the interval between steps with the pipeline kept full, and how hard the chips work while busy.
     */
    private record DecodePoint(double firstStepSeconds, double tpotSeconds, double intervalSeconds,
                               double utilisation) {
    }

    /** Sequences the pool holds at once: instances times batch, at most an {@code int}'s range. */
    private static int inFlight(ResolvedPool pool, int batch) {
        return (int) Math.min(Integer.MAX_VALUE, (long) pool.instances() * batch);
    }

    private DecodePoint decode(ResolvedPool pool, int batch, Workload workload, List<Assumption> assumptions) {
        int microBatches = Math.min(pool.layout().pipeline(), batch);
        int perMicroBatch = PoolResolver.ceilDiv(batch, microBatches);
        long context = workload.meanDecodeContextTokens();
        ResolvedDraft draft = pool.draft();
        if (draft == null) {
            StepCost cost = pool.coster().cost(StepBatch.decode(perMicroBatch, context), pool.layout(),
                    pool.residency());
            return new DecodePoint(cost.latencySeconds(),
                    StepCost.iterationSeconds(cost.latencySeconds(), cost.intervalSeconds(), microBatches,
                            pool.coster().stepOverheadSeconds()), cost.intervalSeconds(),
                    ChipEconomics.utilisation(pool.accelerator(), cost));
        }
        SpeculativeDecoding speculative = draft.speculative();
        int proposals = speculative.tokens();
        StepCost verify = pool.coster().cost(StepBatch.verify(perMicroBatch, proposals + 1L, context),
                pool.layout(), pool.residency());
        StepCost pass = draft.coster().cost(StepBatch.decode(perMicroBatch, context), draft.layout(),
                pool.residency());
        double latency = verify.latencySeconds() + proposals * pass.latencySeconds();
        double interval = verify.intervalSeconds() + proposals * pass.intervalSeconds();
        double tokensPerStep = speculative.expectedTokensPerStep();
        double step = StepCost.speculativeIterationSeconds(verify, pass, proposals, microBatches,
                pool.coster().stepOverheadSeconds());
        // the draft's passes keep only its own chips busy: its utilisation counts for their share of the instance
        double draftShare = (double) draft.chips() / pool.chips();
        double utilisation = (ChipEconomics.utilisation(pool.accelerator(), verify) * verify.intervalSeconds()
                + proposals * ChipEconomics.utilisation(pool.accelerator(), pass) * pass.intervalSeconds()
                * draftShare) / interval;
        assumptions.add(new Assumption.SpeculativeDecodingApplied(pool.role(),
                speculative.draft() instanceof SpeculativeDecoding.DraftModel model ? model.model().id() : null,
                speculative.draft() instanceof SpeculativeDecoding.Heads heads ? heads.layers() : 0, proposals,
                speculative.acceptance(), tokensPerStep, verify.latencySeconds(), pass.latencySeconds(),
                draft.chips(), draft.layout().tensor(), draft.layout().pipeline(), draft.weightBytes()));
        return new DecodePoint(latency, step / tokensPerStep, interval, utilisation);
    }

    private static StepCost prefillCost(ResolvedPool pool, Workload workload) {
        return pool.coster().cost(StepBatch.prefill(1, workload.inputTokens(), 0), pool.layout(), pool.residency());
    }

    private static int batch(ResolvedPool pool, Workload workload, List<Assumption> assumptions) {
        if (workload.offline()) {
            return pool.maxBatch();
        }
        int concurrency = workload.concurrency().getAsInt();
        int wanted = PoolResolver.ceilDiv(concurrency, pool.instances());
        if (wanted > pool.maxBatch()) {
            assumptions.add(new Assumption.MemoryLimitedBatch(pool.role(), pool.maxBatch(),
                    concurrency - (long) pool.maxBatch() * pool.instances(), concurrency));
            return pool.maxBatch();
        }
        return wanted;
    }

    private PhaseEstimate phase(ResolvedPool pool, int batch, double utilisation, double intervalSeconds,
                                double busy, double latency) {
        Accelerator accelerator = pool.accelerator();
        PowerModel power = accelerator.power();
        double wallWatts = busy * power.watts(utilisation) + (1 - busy) * power.idleWatts()
                + power.nodeOverheadWattsPerChip();
        AcceleratorSpec spec = accelerator.spec();
        return new PhaseEstimate(pool.role(), accelerator.id(), spec.status(), spec.assumptions().size(), pool.chips(),
                pool.instances(), pool.layout().tensor(), pool.layout().pipeline(), pool.precision(), batch,
                pool.maxBatch(), latency, intervalSeconds, busy, utilisation, wallWatts,
                ChipEconomics.usdPerChipHour(accelerator, wallWatts, cost));
    }
}
