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
import org.splitinfer.core.cost.StepAdjustment;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.LayoutGoal;
import org.splitinfer.core.estimate.PoolRole;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.ResolvedDraft;
import org.splitinfer.core.estimate.ResolvedPool;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.model.TensorGroup;
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
        DraftFootprint draft = spec.speculative() == null ? null
                : draftFootprint(model, spec.speculative(), precision, role, workload);
        // a speculative pool holds its draft beside the target: the draft's weights and each sequence's draft cache
        double weights = model.weightBytes(precision) + (draft == null ? 0 : draft.weightBytes());
        double sequenceKv = model.kvBytes(contextTokens, precision.kvCache())
                + (draft == null ? 0 : draft.kvBytesPerToken() * contextTokens);
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
                OptionalInt fewest = accelerator.memory().minChips(one);
                // past 2^20 chips no count holds it (a what-if capacity of a few bytes, say): say so, not a count
                String way = fewest.isPresent() ? String.format(Locale.ROOT, "set %s.chips to at least %d, or leave"
                        + " it to the estimator", prefix, fewest.getAsInt()) : String.format(Locale.ROOT, "no number"
                        + " of chips up to 2^20 holds it; choose other hardware for %s.hardware or a smaller format"
                        + " in %s.precision", prefix, prefix);
                throw new EstimateException(String.format(Locale.ROOT, "'%s' in %s does not fit on %d '%s' chips"
                                + " (%.4g bytes of weights plus one %d-token sequence's KV cache); %s", model.id(),
                        precision, chips, accelerator.id(), weights, contextTokens, way),
                        fewest.isPresent() ? List.of(prefix + ".chips")
                                : List.of(prefix + ".hardware", prefix + ".precision"));
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
        ResolvedDraft resolvedDraft = draft == null ? null
                : draft(accelerator, software, draft, chips, spec.instances(), placement, cappedBatch, layout,
                workload, prefix);
        return new ResolvedPool(role, spec, accelerator, precision, chips, layout, placement.residency(),
                cappedBatch, freeFullSpeedBytes(accelerator, placement) * chips, coster, resolvedDraft);
    }

    /** What a draft is costed as, and what it adds to an instance's memory. */
    private record DraftFootprint(SpeculativeDecoding speculative, ModelSpec model, ModelPrecision precision,
                                  double weightBytes, double kvBytesPerToken) {
    }

    /**
     * The draft of a speculative pool, checked against the target: a draft model of the target's vocabulary, smaller
     * than it, whose context window holds the requests (unless the workload allows long context); heads of fewer
     * layers than the target. A prefill pool does not decode, so it cannot speculate.
     */
    private static DraftFootprint draftFootprint(ModelSpec model, SpeculativeDecoding speculative,
                                                 ModelPrecision precision, PoolRole role, Workload workload) {
        String prefix = role.field();
        if (role == PoolRole.PREFILL) {
            throw new EstimateException("the prefill pool cannot decode speculatively: it runs prompts only; give"
                    + " speculative decoding to the decode pool", List.of("prefill.speculative"));
        }
        String field = prefix + ".speculative.draft";
        speculative.requireDraftFor(model, field);
        if (speculative.draft() instanceof SpeculativeDecoding.Heads heads) {
            ModelSpec cut = model.withLayers(heads.layers());
            // the heads share the target's embedding, final norm and LM head: only their own layers add weights
            double weightBytes = -model.norm().parameters(model.hiddenSize())
                    * precision.weightsOf(TensorGroup.NORMS).bytesPerElement();
            for (TensorGroup group : TensorGroup.values()) {
                if (group != TensorGroup.EMBEDDING && group != TensorGroup.LM_HEAD) {
                    weightBytes += cut.parameters(group) * precision.weightsOf(group).bytesPerElement();
                }
            }
            return new DraftFootprint(speculative, cut, precision, weightBytes,
                    cut.kvBytesPerToken(precision.kvCache()));
        }
        ModelSpec draft = ((SpeculativeDecoding.DraftModel) speculative.draft()).model();
        if (!workload.allowLongContext() && workload.finalContextTokens() > draft.contextWindowTokens()) {
            throw new EstimateException("workload.inputTokens + workload.outputTokens = "
                    + Limits.count(workload.finalContextTokens()) + " tokens exceed the "
                    + Limits.count(draft.contextWindowTokens()) + "-token context window of the draft '" + draft.id()
                    + "'; choose a draft with a longer window, or set workload.allowLongContext",
                    List.of(field, "workload.allowLongContext"));
        }
        return new DraftFootprint(speculative, draft, precision, draft.weightBytes(precision),
                draft.kvBytesPerToken(precision.kvCache()));
    }

    /**
     * Lays the draft out on the instance's chips: spread over all of them like the target (each chip holds its share
     * of both, as the memory check assumed), or, when no runnable layout of the draft uses them all (a one-layer
     * head cannot be cut into pipeline stages), over the most chips one does. Of those layouts the one with the
     * fastest proposal pass for the operating micro-batch wins. The draft's passes run inside the target's
     * scheduler iteration, so they pay the stack's kernel efficiency and collective latency but not its fixed
     * per-step overhead, which the verification step pays once.
     */
    private ResolvedDraft draft(Accelerator accelerator, String software, DraftFootprint draft, int chips,
                                int instances, Placement placement, int maxBatch, ParallelLayout targetLayout,
                                Workload workload, String prefix) {
        StepAdjustment stack = calibration.adjustment(software, accelerator.spec().family());
        StepCoster coster = new StepCoster(accelerator, draft.model(), draft.precision(),
                new StepAdjustment(stack.stack().withStepOverheadSeconds(0).withSequenceSeconds(0),
                        stack.collectiveStepSeconds()), false);
        LayoutSearch search = new LayoutSearch(accelerator, draft.model());
        int draftChips = chips;
        while (draftChips > 1 && search.layouts(draftChips).isEmpty()) {
            draftChips--;
        }
        int batch = workload.offline() ? maxBatch
                : Math.min(maxBatch, Math.max(1, ceilDiv(workload.concurrency().getAsInt(), instances)));
        int microBatches = Math.min(targetLayout.pipeline(), batch);
        StepBatch pass = StepBatch.decode(ceilDiv(batch, microBatches), workload.meanDecodeContextTokens());
        ParallelLayout layout = search.fastest(draftChips,
                candidate -> coster.cost(pass, candidate, placement.residency()).latencySeconds(),
                prefix + ".speculative.draft");
        return new ResolvedDraft(draft.speculative(), draft.model(), draftChips, layout, draft.weightBytes(),
                draft.kvBytesPerToken(), coster);
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
            // a speculative pool's target runs verification steps: its proposals and the token before them
            long newTokens = spec.speculative() == null ? 1 : spec.speculative().tokens() + 1L;
            seconds = candidate -> {
                int microBatches = Math.min(candidate.pipeline(), batch);
                int perMicroBatch = ceilDiv(batch, microBatches);
                StepCost cost = coster.cost(StepBatch.verify(perMicroBatch, newTokens,
                                workload.meanDecodeContextTokens()), candidate, placement.residency());
                return StepCost.iterationSeconds(cost.latencySeconds(), cost.intervalSeconds(), microBatches,
                        coster.stepOverheadSeconds());
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
