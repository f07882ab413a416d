package org.splitinfer.core.estimate.internal;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.splitinfer.core.cost.DefaultFormats;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.cost.LayoutException;
import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.LayoutGoal;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.TierUsage;

/**
 * Makes every choice a pool left open: formats ({@link DefaultFormats}), chips per instance, layout
 * ({@link LayoutSearch}) and the largest batch. The rules are on {@link EstimateEngine}'s notes.
 */
final class PoolResolver {
    private final HardwareRegistry hardware;
    private final ServingCalibration calibration;

    PoolResolver(HardwareRegistry hardware, ServingCalibration calibration) {
        this.hardware = hardware;
        this.calibration = calibration;
    }

    ResolvedPool resolve(ModelSpec model, PoolSpec spec, PoolRole role, Workload workload, String software,
                         List<Assumption> assumptions) {
        String prefix = role.field();
        Accelerator accelerator = hardware.get(spec.hardware());
        ModelPrecision precision;
        if (spec.precision() == null) {
            FormatChoice choice = DefaultFormats.choose(model, accelerator.roofline(), accelerator.id());
            precision = choice.precision();
            assumptions.add(new Assumption.DefaultFormatsChosen(role, accelerator.id(), choice));
        } else {
            precision = ModelPrecision.parse(spec.precision(), model.nativePrecision());
        }
        // a prefill pool holds prompts; a decoding pool holds each sequence until its last token
        long contextTokens = role == PoolRole.PREFILL ? workload.inputTokens() : workload.finalContextTokens();
        double weights = model.weightBytes(precision);
        double sequenceKv = model.kvBytes(contextTokens, precision.kvCache());
        double kvPerToken = sequenceKv / contextTokens;
        // auto chips hold the weights and the KV cache of the sequences an instance serves at once: its share of
        // the requests in flight for a decoding pool, one prompt for a prefill pool and for an offline backlog.
        int sequences = role == PoolRole.PREFILL || workload.offline() ? 1
                : ceilDiv(workload.concurrency().getAsInt(), spec.instances());
        LayoutSearch search = new LayoutSearch(accelerator, model);
        int chips;
        int fewestThatHold;
        if (spec.autoChips()) {
            Footprint served = new Footprint(weights, kvPerToken, contextTokens * sequences, 0);
            OptionalInt memoryChips = accelerator.memory().minChips(served);
            if (memoryChips.isEmpty()) {
                throw new EstimateException(String.format(Locale.ROOT, "'%s' in %s does not fit on any number of '%s'"
                                + " chips up to 2^20; choose other hardware for %s.hardware or a smaller format in"
                                + " %s.precision", model.id(), precision, accelerator.id(), prefix, prefix),
                        List.of(prefix + ".hardware", prefix + ".precision"));
            }
            OptionalInt runnable = search.fewestChips(memoryChips.getAsInt());
            if (runnable.isEmpty()) {
                throw new EstimateException(String.format(Locale.ROOT, "'%s' needs at least %d '%s' chips, more than"
                                + " any layout of its %d layers reaches; choose other hardware for %s.hardware",
                        model.id(), memoryChips.getAsInt(), accelerator.id(), model.layers(), prefix),
                        List.of(prefix + ".hardware"));
            }
            chips = runnable.getAsInt();
            fewestThatHold = memoryChips.getAsInt();
            assumptions.add(new Assumption.AutoChips(role, accelerator.id(), chips, memoryChips.getAsInt(), weights,
                    sequences, contextTokens));
        } else {
            chips = spec.chipsPerInstance().getAsInt();
            Footprint one = new Footprint(weights, kvPerToken, contextTokens, 0);
            fewestThatHold = accelerator.memory().minChips(one).orElse(1);
            if (!accelerator.memory().place(one, chips).fitsFullSpeed()) {
                int fewest = accelerator.memory().minChips(one).orElse(-1);
                throw new EstimateException(String.format(Locale.ROOT, "'%s' in %s does not fit on %d '%s' chips"
                                + " (%.4g bytes of weights plus one %d-token sequence's KV cache); set %s.chips to at"
                                + " least %d, or leave it to the estimator", model.id(), precision, chips,
                        accelerator.id(), weights, contextTokens, prefix, fewest), List.of(prefix + ".chips"));
            }
        }
        Placement placement = accelerator.memory().place(new Footprint(weights, kvPerToken, 0, 0), chips);
        long maxBatch = (long) Math.floor(freeFullSpeedBytes(accelerator, placement) * chips / sequenceKv);
        if (maxBatch < 1) {
            throw new EstimateException(String.format(Locale.ROOT, "'%s' leaves no room for a %d-token sequence's KV"
                    + " cache on %d '%s' chips; add chips in %s.chips", model.id(), contextTokens, chips,
                    accelerator.id(), prefix), List.of(prefix + ".chips"));
        }
        int cappedBatch = (int) Math.min(Math.min(maxBatch, LayoutSearch.MAX_CHIPS),
                spec.maxBatch().orElse(Integer.MAX_VALUE));
        StepCoster coster = new StepCoster(accelerator, model, precision,
                calibration.adjustment(software, accelerator.spec().family()), false);
        ParallelLayout layout = layout(spec, role, chips, fewestThatHold, search, coster, placement, cappedBatch,
                workload, assumptions);
        return new ResolvedPool(role, spec, accelerator, precision, chips, layout, placement.residency(),
                cappedBatch, freeFullSpeedBytes(accelerator, placement) * chips, coster);
    }

    private static ParallelLayout layout(PoolSpec spec, PoolRole role, int chips, int fewestThatHold,
                                         LayoutSearch search,
                                         StepCoster coster, Placement placement, int maxBatch, Workload workload,
                                         List<Assumption> assumptions) {
        String prefix = role.field();
        if (spec.tensor().isPresent() || spec.pipeline().isPresent()) {
            int tensor;
            int pipeline;
            if (spec.tensor().isPresent() && spec.pipeline().isPresent()) {
                tensor = spec.tensor().getAsInt();
                pipeline = spec.pipeline().getAsInt();
            } else {
                String given = prefix + (spec.tensor().isPresent() ? ".tp" : ".pp");
                int degree = spec.tensor().isPresent() ? spec.tensor().getAsInt() : spec.pipeline().getAsInt();
                if (chips % degree != 0) {
                    throw new LayoutException(given + " = " + degree + " does not divide " + prefix + ".chips = "
                            + chips + "; change " + given + " or " + prefix + ".chips",
                            List.of(given, prefix + ".chips"));
                }
                tensor = spec.tensor().isPresent() ? degree : chips / degree;
                pipeline = spec.tensor().isPresent() ? chips / degree : degree;
            }
            return search.given(tensor, pipeline, chips, prefix);
        }
        int batch = workload.offline() ? maxBatch
                : Math.min(maxBatch, Math.max(1, ceilDiv(workload.concurrency().getAsInt(), spec.instances())));
        ToDoubleFunction<ParallelLayout> seconds;
        LayoutGoal goal;
        if (role == PoolRole.PREFILL) {
            goal = LayoutGoal.PROMPT_LATENCY;
            StepBatch prompt = StepBatch.prefill(1, workload.inputTokens(), 0);
            seconds = candidate -> coster.cost(prompt, candidate, placement.residency()).latencySeconds();
        } else {
            goal = LayoutGoal.TIME_PER_OUTPUT_TOKEN;
            seconds = candidate -> {
                int microBatches = Math.min(candidate.pipeline(), batch);
                int perMicroBatch = ceilDiv(batch, microBatches);
                StepCost cost = coster.cost(StepBatch.decode(perMicroBatch, workload.meanDecodeContextTokens()),
                        candidate, placement.residency());
                return Math.max(cost.latencySeconds(), microBatches * cost.intervalSeconds());
            };
        }
        ParallelLayout best = search.fastest(chips, seconds, prefix + ".chips", fewestThatHold);
        assumptions.add(new Assumption.LayoutChosen(role, best.tensor(), best.pipeline(), chips, goal));
        return best;
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

    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
