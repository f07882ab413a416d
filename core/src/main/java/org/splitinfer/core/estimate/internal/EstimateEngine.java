package org.splitinfer.core.estimate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StackProfile;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PhaseEstimate;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.cost.DefaultFormats;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.TierUsage;

/**
 * The closed-form estimator behind {@link org.splitinfer.core.estimate.Estimator}.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Chips and layout.</b> {@code auto} chips are the memory model's fewest chips that hold the weights and
 *       the KV cache of the sequences an instance serves at once (its share of the requests in flight, at their
 *       final context; one prompt for a prefill pool or an offline backlog). A given chip count must hold the
 *       weights and one sequence. Without a given layout, every {@code tp × pp} split of
 *       the instance's chips with {@code pp ≤ layers} is priced and the fastest for the pool's role is kept (decode
 *       and colocated: time per output token at the operating batch; prefill: one prompt's latency).</li>
 *   <li><b>Batch.</b> The largest batch is the full-speed memory the placement leaves free on all chips ÷ one
 *       request's KV cache at its final context.
 *       Closed loop: {@code ceil(concurrency ÷ instances)} sequences per decode instance, capped by that; offline:
 *       the largest batch.</li>
 *   <li><b>Decode.</b> A batch of {@code b} runs as {@code m = min(pp, b)} micro-batches of {@code ceil(b/m)} so the
 *       stages stay busy; a token of one sequence takes {@code TPOT = max(latency, m × interval)} of a
 *       micro-batch's step, and an instance delivers {@code b ÷ TPOT} tokens per second (a pipelined family —
 *       LPU chains, multi-wafer — delivers micro-batches in flight ÷ slowest stage, not 1 ÷ the sum of
 *       stages).</li>
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
 *   <li><b>Cost.</b> A chip with a purchase price is amortised over {@link CostAssumptions#lifetimeYears()} plus its
 *       wall energy × PUE at the electricity price; a chip with only a rental price is charged that.
 *       $/Mtok = $/hour ÷ (X × 3600) × 10^6.</li>
 * </ul>
 */
public final class EstimateEngine {
    private final HardwareRegistry hardware;
    private final LinkCatalog links;
    private final CostAssumptions cost;
    private final ServingCalibration calibration;

    /**
     * @param hardware    installed accelerators
     * @param links       KV links
     * @param cost        cost assumptions
     * @param calibration fitted serving-stack profiles
     */
    public EstimateEngine(HardwareRegistry hardware, LinkCatalog links, CostAssumptions cost,
                          ServingCalibration calibration) {
        this.hardware = hardware;
        this.links = links;
        this.cost = cost;
        this.calibration = calibration;
    }

    /**
     * @param model    the model
     * @param pipeline the deployment
     * @param workload the requests
     * @param software the serving stack whose fitted profile applies, or null for the unknown-stack profile
     * @return the estimate
     */
    public Estimate estimate(ModelSpec model, PipelineSpec pipeline, Workload workload, String software) {
        List<String> assumptions = new ArrayList<>();
        StackProfile profile = calibration.profile(software);
        assumptions.add(String.format(Locale.ROOT, "serving stack %s: %.3g of the modelled kernel speed and %.3g s"
                        + " per step (fitted by the calibration)",
                software == null || !calibration.stacks().containsKey(software) ? "profile for unknown stacks"
                        : software, profile.kernelEfficiency(), profile.stepOverheadSeconds()));
        if (pipeline instanceof PipelineSpec.Split split) {
            return split(model, split, workload, software, assumptions);
        }
        return colocated(model, ((PipelineSpec.Colocated) pipeline).pool(), workload, software, assumptions);
    }

    private Estimate split(ModelSpec model, PipelineSpec.Split split, Workload workload, String software,
                           List<String> assumptions) {
        ResolvedPool decodePool = resolve(model, split.decode(), workload.finalContextTokens(), "decode", workload,
                software, assumptions);
        int batch = batch(decodePool, workload, assumptions, "decode");
        DecodePoint decode = decode(decodePool, batch, workload);
        ResolvedPool prefillPool = resolve(model, split.prefill(), workload.inputTokens(), "prefill", workload,
                software, assumptions);
        StepCost prefill = prefillCost(prefillPool, workload);

        KvLink link = split.link() == null ? links.defaultLink() : links.get(split.link());
        double kvBytes = model.kvBytes(workload.inputTokens(), prefillPool.precision().kvCache());
        // One link of the chosen type per instance pair; each end's chips send or receive their share of the cache
        // through their own NICs, so an end limits the transfer only when all its NICs together are slower.
        double bandwidth = Math.min(link.bytesPerSecond(), Math.min(
                prefillPool.chips() * prefillPool.accelerator().interconnect().scaleOutBytesPerSecond(),
                decodePool.chips() * decodePool.accelerator().interconnect().scaleOutBytesPerSecond()));
        double transfer = link.latencySeconds() + kvBytes / bandwidth;
        assumptions.add(String.format(Locale.ROOT, "KV cache of a %d-token prompt: %.4g bytes over one %s link per"
                        + " instance pair (%.4g B/s after either end's NICs, %.3g s latency: %s)",
                workload.inputTokens(), kvBytes, link.id(),
                bandwidth, link.latencySeconds(), link.source()));
        double exposed = transfer;
        if (split.layerStreaming()) {
            double lastLayer = link.latencySeconds() + kvBytes / model.layers() / bandwidth;
            exposed = Math.max(lastLayer, transfer - prefill.latencySeconds());
            assumptions.add("KV streamed layer by layer during prefill: only the part that outlasts the prefill is"
                    + " exposed");
        }
        if (!prefillPool.precision().kvCache().equals(decodePool.precision().kvCache())) {
            double converted = kvBytes + model.kvBytes(workload.inputTokens(), decodePool.precision().kvCache());
            double conversion = converted / fullSpeedBytesPerSecond(decodePool.accelerator()) / decodePool.chips();
            exposed += conversion;
            assumptions.add(String.format(Locale.ROOT, "KV cache converted from %s to %s on arrival: %.4g s (read and"
                            + " write once at the decode chips' memory bandwidth)",
                    prefillPool.precision().kvCache().name(), decodePool.precision().kvCache().name(), conversion));
        }

        double ttft = prefill.latencySeconds() + exposed + decode.cost.latencySeconds();
        double decodeCapacity = decodePool.instances() * batch / decode.tpotSeconds;
        double prefillRequestsPerSecond = prefillPool.instances() / prefill.intervalSeconds();
        double outputTokens = workload.outputTokens();
        double throughput;
        int concurrency;
        if (workload.offline()) {
            concurrency = decodePool.instances() * batch;
            throughput = Math.min(decodeCapacity, prefillRequestsPerSecond * outputTokens);
        } else {
            concurrency = Math.min(workload.concurrency(), decodePool.instances() * batch);
            double loop = concurrency * outputTokens / (ttft + outputTokens * decode.tpotSeconds);
            throughput = Math.min(loop, Math.min(decodeCapacity, prefillRequestsPerSecond * outputTokens));
        }
        double prefillBusy = Math.min(1, throughput / outputTokens / prefillRequestsPerSecond);
        double decodeBusy = Math.min(1, throughput / decodeCapacity);
        PhaseEstimate prefillPhase = phase("prefill", prefillPool, 1, prefill, prefillBusy);
        PhaseEstimate decodePhase = phase("decode", decodePool, batch, decode.cost, decodeBusy, decode.tpotSeconds);
        return result(model, "split", ttft, decode.tpotSeconds, throughput, exposed, concurrency,
                List.of(prefillPhase, decodePhase), assumptions);
    }

    private Estimate colocated(ModelSpec model, PoolSpec spec, Workload workload, String software,
                               List<String> assumptions) {
        ResolvedPool pool = resolve(model, spec, workload.finalContextTokens(), "colocated", workload, software,
                assumptions);
        int batch = batch(pool, workload, assumptions, "colocated");
        DecodePoint decode = decode(pool, batch, workload);
        StepCost prefill = prefillCost(pool, workload);
        double outputTokens = workload.outputTokens();
        double ttft = prefill.latencySeconds() + decode.cost.latencySeconds();
        double saturated = pool.instances() * batch * outputTokens
                / (outputTokens * decode.tpotSeconds + batch * prefill.intervalSeconds());
        double throughput;
        int concurrency;
        if (workload.offline()) {
            concurrency = pool.instances() * batch;
            throughput = saturated;
        } else {
            concurrency = Math.min(workload.concurrency(), pool.instances() * batch);
            double loop = concurrency * outputTokens / (ttft + outputTokens * decode.tpotSeconds);
            throughput = Math.min(loop, saturated);
        }
        assumptions.add("colocated: continuous batching with chunked prefill; prompts and decode steps time-share the"
                + " same chips, and TPOT excludes prefill stalls");
        PhaseEstimate phase = phase("colocated", pool, batch, decode.cost, Math.min(1, throughput / saturated),
                decode.tpotSeconds);
        return result(model, "colocated", ttft, decode.tpotSeconds, throughput, 0, concurrency, List.of(phase),
                assumptions);
    }

    private Estimate result(ModelSpec model, String kind, double ttft, double tpot, double throughput,
                            double kvTransfer, int concurrency, List<PhaseEstimate> phases, List<String> assumptions) {
        int chips = 0;
        double watts = 0;
        double usdPerHour = 0;
        List<String> status = new ArrayList<>();
        for (PhaseEstimate phase : phases) {
            chips += phase.chips();
            watts += phase.chips() * phase.wallWattsPerChip();
            usdPerHour += phase.chips() * phase.usdPerChipHour();
            String line = phase.hardware() + ": " + phase.status() + ", " + phase.assumedFigures() + " assumed figures";
            if (!status.contains(line)) {
                status.add(line);
            }
        }
        assumptions.add(String.format(Locale.ROOT, "cost: purchase prices amortised over %.3g years plus energy at"
                        + " $%.3g/kWh and PUE %.3g; chips with only an hourly price are charged that",
                cost.lifetimeYears(), cost.usdPerKilowattHour(), cost.powerUsageEffectiveness()));
        return new Estimate(model.id(), kind, ttft, tpot, throughput, 1 / tpot, throughput / watts,
                usdPerHour / (throughput * 3600) * 1e6, kvTransfer, chips, watts, usdPerHour, concurrency, phases,
                assumptions, status);
    }

    private record DecodePoint(StepCost cost, double tpotSeconds) {
    }

    private static DecodePoint decode(ResolvedPool pool, int batch, Workload workload) {
        int microBatches = Math.min(pool.layout().pipeline(), batch);
        int perMicroBatch = (batch + microBatches - 1) / microBatches;
        StepCost cost = pool.coster().cost(StepBatch.decode(perMicroBatch, workload.meanDecodeContextTokens()),
                pool.layout(), pool.residency());
        return new DecodePoint(cost, Math.max(cost.latencySeconds(), microBatches * cost.intervalSeconds()));
    }

    private static StepCost prefillCost(ResolvedPool pool, Workload workload) {
        return pool.coster().cost(StepBatch.prefill(1, workload.inputTokens(), 0), pool.layout(), pool.residency());
    }

    private static int batch(ResolvedPool pool, Workload workload, List<String> assumptions, String role) {
        if (workload.offline()) {
            return pool.maxBatch();
        }
        int wanted = (workload.concurrency() + pool.instances() - 1) / pool.instances();
        if (wanted > pool.maxBatch()) {
            assumptions.add(String.format(Locale.ROOT, "%s pool: memory holds %d sequences per instance, so %d of"
                            + " the %d requests wait", role, pool.maxBatch(),
                    workload.concurrency() - pool.maxBatch() * pool.instances(), workload.concurrency()));
            return pool.maxBatch();
        }
        return wanted;
    }

    private ResolvedPool resolve(ModelSpec model, PoolSpec spec, long contextTokens, String role, Workload w,
                                 String software, List<String> assumptions) {
        Accelerator accelerator = hardware.get(spec.hardware());
        ModelPrecision precision;
        if (spec.precision() == null) {
            FormatChoice choice = DefaultFormats.choose(model, accelerator.roofline(), accelerator.id());
            precision = choice.precision();
            assumptions.add(role + " pool formats: " + Formats.label(precision) + " (" + choice.rule() + ")");
        } else {
            precision = ModelPrecision.parse(spec.precision(), model.nativePrecision());
        }
        double weights = model.weightBytes(precision);
        double sequenceKv = model.kvBytes(contextTokens, precision.kvCache());
        // auto chips hold the weights and the KV cache of the sequences an instance serves at once: its share of
        // the requests in flight for a decoding pool, one prompt for a prefill pool and for an offline backlog.
        int sequences = role.equals("prefill") || w.offline() ? 1
                : (w.concurrency() + spec.instances() - 1) / spec.instances();
        Footprint one = new Footprint(weights, sequenceKv / contextTokens, contextTokens, 0);
        Footprint served = new Footprint(weights, sequenceKv / contextTokens, contextTokens * sequences, 0);
        int chips = spec.chipsPerInstance();
        if (chips == PoolSpec.AUTO) {
            OptionalInt fewest = accelerator.memory().minChips(served);
            if (fewest.isEmpty()) {
                throw new EstimateException(model.id() + " does not fit on any number of " + accelerator.id()
                        + " chips up to 2^20; choose other hardware or a smaller format");
            }
            chips = fewest.getAsInt();
            assumptions.add(String.format(Locale.ROOT, "%s pool: %d %s chips per instance, the fewest whose"
                            + " full-speed memory holds %.4g bytes of weights and the KV cache of %d sequence%s of %d"
                            + " tokens", role, chips, accelerator.id(), weights, sequences, sequences == 1 ? "" : "s",
                    contextTokens));
        } else if (!accelerator.memory().place(one, chips).fitsFullSpeed()) {
            int fewest = accelerator.memory().minChips(one).orElse(-1);
            throw new EstimateException(String.format(Locale.ROOT, "%s in %s does not fit on %d %s chips (%.4g bytes"
                            + " of weights plus one %d-token sequence's KV cache); use at least %d chips or %s:auto",
                    model.id(), Formats.label(precision), chips, accelerator.id(), weights, contextTokens, fewest,
                    accelerator.id()));
        }
        Placement placement = accelerator.memory().place(new Footprint(weights, sequenceKv / contextTokens, 0, 0),
                chips);
        long maxBatch = (long) Math.floor(freeFullSpeedBytes(accelerator, placement) * chips / sequenceKv);
        if (maxBatch < 1) {
            throw new EstimateException(String.format(Locale.ROOT, "%s leaves no room for a %d-token sequence's KV"
                    + " cache on %d %s chips; add chips", model.id(), contextTokens, chips, accelerator.id()));
        }
        int cappedBatch = (int) Math.min(maxBatch, 1 << 20);
        StepCoster coster = new StepCoster(accelerator, model, precision,
                calibration.adjustment(software, accelerator.spec().family()), false);
        ParallelLayout layout = layout(spec, chips, model, coster, placement, role, cappedBatch, w, assumptions);
        return new ResolvedPool(spec, accelerator, precision, Formats.label(precision), chips, layout,
                placement.residency(), cappedBatch, coster);
    }

    private static ParallelLayout layout(PoolSpec spec, int chips, ModelSpec model, StepCoster coster,
                                         Placement placement, String role, int maxBatch, Workload workload,
                                         List<String> assumptions) {
        int tensor = spec.tensor();
        int pipeline = spec.pipeline();
        if (tensor != PoolSpec.AUTO || pipeline != PoolSpec.AUTO) {
            if (tensor == PoolSpec.AUTO) {
                tensor = chips % pipeline == 0 ? chips / pipeline : -1;
            } else if (pipeline == PoolSpec.AUTO) {
                pipeline = chips % tensor == 0 ? chips / tensor : -1;
            }
            if (tensor < 1 || pipeline < 1 || tensor * pipeline != chips) {
                String flag = role.equals("colocated") ? "--" : "--" + role + "-";
                throw new EstimateException(String.format(Locale.ROOT, "%s pool: tp %s × pp %s must equal its %d chips"
                                + " per instance; change %stp/%spp or the chip count", role,
                        spec.tensor() == 0 ? "auto" : spec.tensor(), spec.pipeline() == 0 ? "auto" : spec.pipeline(),
                        chips, flag, flag));
            }
            if (pipeline > model.layers()) {
                throw new EstimateException(role + " pool: " + pipeline + " pipeline stages exceed the model's "
                        + model.layers() + " layers; use fewer stages");
            }
            return new ParallelLayout(tensor, pipeline, 1, 1);
        }
        int batch = workload.offline() ? maxBatch
                : Math.min(maxBatch, Math.max(1, (workload.concurrency() + spec.instances() - 1) / spec.instances()));
        ParallelLayout best = null;
        double bestSeconds = Double.MAX_VALUE;
        for (int stages = 1; stages <= Math.min(chips, model.layers()); stages++) {
            if (chips % stages != 0) {
                continue;
            }
            ParallelLayout candidate = new ParallelLayout(chips / stages, stages, 1, 1);
            double seconds;
            if (role.equals("prefill")) {
                seconds = coster.cost(StepBatch.prefill(1, workload.inputTokens(), 0), candidate,
                        placement.residency()).latencySeconds();
            } else {
                int microBatches = Math.min(stages, batch);
                int perMicroBatch = (batch + microBatches - 1) / microBatches;
                StepCost cost = coster.cost(StepBatch.decode(perMicroBatch, workload.meanDecodeContextTokens()),
                        candidate, placement.residency());
                seconds = Math.max(cost.latencySeconds(), microBatches * cost.intervalSeconds());
            }
            if (seconds < bestSeconds * (1 - 1e-12)) {
                bestSeconds = seconds;
                best = candidate;
            }
        }
        assumptions.add(String.format(Locale.ROOT, "%s pool layout tp=%d pp=%d, the fastest split of %d chips for %s",
                role, best.tensor(), best.pipeline(), chips,
                role.equals("prefill") ? "one prompt's latency" : "the time per output token"));
        return best;
    }

    private PhaseEstimate phase(String role, ResolvedPool pool, int batch, StepCost step, double busy) {
        return phase(role, pool, batch, step, busy, step.latencySeconds());
    }

    private PhaseEstimate phase(String role, ResolvedPool pool, int batch, StepCost step, double busy,
                                double latency) {
        Accelerator accelerator = pool.accelerator();
        double utilisation = utilisation(accelerator, step);
        PowerModel power = accelerator.power();
        double wallWatts = busy * power.watts(utilisation) + (1 - busy) * power.idleWatts()
                + power.nodeOverheadWattsPerChip();
        AcceleratorSpec spec = accelerator.spec();
        return new PhaseEstimate(role, accelerator.id(), spec.status().name().toLowerCase(Locale.ROOT),
                spec.assumptions().size(), pool.chips(), pool.instances(), pool.layout().tensor(),
                pool.layout().pipeline(), pool.precisionLabel(), batch, pool.maxBatch(), latency,
                step.intervalSeconds(), busy, utilisation, wallWatts, usdPerChipHour(spec, wallWatts));
    }

    private double usdPerChipHour(AcceleratorSpec spec, double wallWatts) {
        Figure purchase = spec.figure("price.purchaseUsd").orElse(null);
        if (purchase != null) {
            return purchase.value() / cost.lifetimeHours()
                    + wallWatts * cost.powerUsageEffectiveness() * cost.usdPerKilowattHour() / 1000;
        }
        Figure rental = spec.figure("price.usdPerChipHour").orElse(null);
        if (rental != null) {
            return rental.value();
        }
        throw new EstimateException(spec.id() + " has no price.purchaseUsd or price.usdPerChipHour figure, so its cost"
                + " cannot be estimated; add one to its hardware sheet");
    }

    /** How hard a chip works during a step: the larger of its compute and memory utilisation, at most 1. */
    private static double utilisation(Accelerator accelerator, StepCost step) {
        double computeSeconds = 0;
        double bytes = 0;
        for (Kernel kernel : step.work().kernels()) {
            computeSeconds += kernel.totalFlops() / accelerator.roofline().peakFlopsPerSecond(kernel.precision());
            bytes += kernel.totalBytes();
        }
        double memorySeconds = bytes / fullSpeedBytesPerSecond(accelerator);
        double interval = step.intervalSeconds();
        return interval <= 0 ? 0 : Math.min(1, Math.max(computeSeconds, memorySeconds) / interval);
    }

    /**
     * Bytes each chip's full-speed tiers have left after a placement, within their usable fractions. Counted here
     * rather than from the placement's KV tokens per chip, which a plugin rounds down chip by chip: a sequence's
     * cache is spread over all chips, so per-chip rounding would lose whole sequences on SRAM machines.
     */
    private static double freeFullSpeedBytes(Accelerator accelerator, Placement placement) {
        double free = 0;
        for (MemoryTier tier : accelerator.memory().tiers()) {
            if (!tier.fullSpeed()) {
                continue;
            }
            double used = 0;
            for (TierUsage usage : placement.perChip()) {
                if (usage.tier().equals(tier.name())) {
                    used += usage.totalBytes();
                }
            }
            free += Math.max(0, tier.usableBytes() - used);
        }
        return free;
    }

    private static double fullSpeedBytesPerSecond(Accelerator accelerator) {
        double best = 0;
        for (MemoryTier tier : accelerator.memory().tiers()) {
            if (tier.fullSpeed()) {
                best = Math.max(best, tier.bytesPerSecond());
            }
        }
        return best;
    }

}
