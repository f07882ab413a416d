package org.splitinfer.core.calibration;

import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.error.SplitInferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.estimate.Assumption;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.EstimateException;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCoster;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.core.validate.CasePredictor;
import org.splitinfer.core.validate.Metric;
import org.splitinfer.core.validate.Prediction;
import org.splitinfer.core.validate.Speculation;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.core.validate.Workload;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Placement;

/**
 * Answers validation cases with SplitInfer's own engine: step scenarios ({@code prefill}, {@code decode-step}) with
 * the {@link StepCoster}, request scenarios with the {@link Estimator} on a colocated pool. The case's
 * {@code software} selects the fitted stack profile.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>A given parallelism is used as is: {@code dp} replicas share a step's batch (each runs
 *       {@code ceil(batch ÷ dp)}) or become {@code dp} instances of a pool.</li>
 *   <li>Without one, the layout best for the case's metric is chosen and reported: every layout of the chips a serving
 *       stack would run ({@link LayoutSearch}) for a step; every number of instances dividing the chips (each with the estimator's own
 *       layout search) for a request scenario.</li>
 *   <li>{@code layers: N} prices the first N layers with their collectives only: no embedding, LM head or fixed
 *       per-step overhead.</li>
 *   <li>Offline workloads give mean token counts; they are rounded to whole tokens.</li>
 *   <li>A case measured with speculative decoding is predicted with it: the draft, tokens per step and acceptance
 *       rate it published, the estimator's defaults for the rest ({@link SpeculativeDecoding}); its layout reads
 *       {@code ... speculative} and a note gives the figures.</li>
 * </ul>
 */
public final class EstimatorCasePredictor implements CasePredictor {
    private final HardwareRegistry hardware;
    private final ModelCatalog catalog;
    private final ServingCalibration calibration;
    private final Estimator estimator;

    /**
     * @param hardware    installed accelerators
     * @param catalog     models
     * @param calibration the stack profiles to apply
     */
    public EstimatorCasePredictor(HardwareRegistry hardware, ModelCatalog catalog, ServingCalibration calibration) {
        this.hardware = hardware;
        this.catalog = catalog;
        this.calibration = calibration;
        this.estimator = new Estimator(hardware, LinkCatalog.builtIn(), CostAssumptions.DEFAULT, calibration);
    }

    @Override
    public Prediction predict(ValidationCase c) {
        ModelSpec model = catalog.get(c.model());
        if (c.layers() != null) {
            model = model.withLayers(c.layers());
        }
        Accelerator accelerator = hardware.get(c.hardware());
        Workload workload = c.workload();
        if (workload instanceof Workload.Prefill prefill) {
            return step(c, model, accelerator, prefill.batch(), prefill.inputTokens());
        }
        if (workload instanceof Workload.DecodeStep decode) {
            return step(c, model, accelerator, decode.batch(), decode.contextTokens() + 1);
        }
        if (workload instanceof Workload.SingleStream single) {
            return request(c, model, org.splitinfer.core.estimate.Workload.closedLoop(single.inputTokens(),
                    single.outputTokens(), 1));
        }
        if (workload instanceof Workload.FixedConcurrency fixed) {
            return request(c, model, org.splitinfer.core.estimate.Workload.closedLoop(fixed.inputTokens(),
                    fixed.outputTokens(), fixed.concurrency()));
        }
        Workload.Offline offline = (Workload.Offline) workload;
        return request(c, model, org.splitinfer.core.estimate.Workload.offline(
                Math.max(1, Math.round(offline.inputTokens())), Math.max(1, Math.round(offline.outputTokens()))));
    }

    private Prediction step(ValidationCase c, ModelSpec model, Accelerator accelerator, int batch,
                            long contextTokens) {
        ModelPrecision precision = c.precision();
        StepCoster coster = new StepCoster(accelerator, model, precision,
                calibration.adjustment(c.software(), accelerator.spec().family()), c.layers() != null);
        int replicas = c.parallelism() == null ? 1 : c.parallelism().data();
        int perReplica = (batch + replicas - 1) / replicas;
        StepBatch work = c.workload() instanceof Workload.Prefill prefill
                ? StepBatch.prefill(perReplica, prefill.inputTokens(), 0)
                : StepBatch.decode(perReplica, ((Workload.DecodeStep) c.workload()).contextTokens());
        double kvPerToken = model.kvBytes(contextTokens, precision.kvCache()) / contextTokens;
        Footprint footprint = new Footprint(model.weightBytes(precision), kvPerToken, perReplica * contextTokens, 0);
        LayoutSearch search = new LayoutSearch(accelerator, model);
        int chips;
        if (c.chips().auto()) {
            int memoryChips = accelerator.memory().minChips(footprint).orElseThrow(() -> new EstimateException(
                    c.model() + " does not fit on any number of " + c.hardware() + " chips", List.of("chips")));
            chips = search.fewestChips(memoryChips).orElseThrow(() -> new EstimateException(c.model()
                    + " needs more " + c.hardware() + " chips than any layout of its layers reaches",
                    List.of("chips")));
        } else {
            chips = c.chips().count() / replicas;
        }
        Placement placement = accelerator.memory().place(footprint, chips);
        List<ParallelLayout> layouts = new ArrayList<>();
        if (c.parallelism() != null) {
            ParallelLayout given = c.parallelism();
            layouts.add(new ParallelLayout(given.tensor(), given.pipeline(), Math.min(given.expert(), given.tensor()),
                    1));
        } else {
            layouts.addAll(search.layouts(chips));
            if (layouts.isEmpty()) {
                search.fastest(chips, layout -> 0, "chips");
            }
        }
        StepCost best = null;
        ParallelLayout bestLayout = null;
        for (ParallelLayout layout : layouts) {
            StepCost cost = coster.cost(work, layout, placement.residency());
            if (best == null || cost.latencySeconds() < best.latencySeconds()) {
                best = cost;
                bestLayout = layout;
            }
        }
        List<String> notes = new ArrayList<>();
        if (!placement.fitsFullSpeed()) {
            notes.add("the footprint exceeds full-speed memory on " + chips + " chips; priced as placed");
        }
        return new Prediction(best.latencySeconds(), describe(bestLayout.tensor(), bestLayout.pipeline(), replicas),
                notes);
    }

    private Prediction request(ValidationCase c, ModelSpec model, org.splitinfer.core.estimate.Workload asked) {
        // a published measurement ran what it ran: a case is predicted as measured, beyond the window if it was
        org.splitinfer.core.estimate.Workload workload = asked.allowingLongContext();
        // the whole precision, tensor-group overrides included: a case stored as measured prices its weights so
        String precision = c.precision().toString();
        List<PoolSpec> candidates = new ArrayList<>();
        SpeculativeDecoding speculative = speculative(c.speculative());
        PoolSpec auto = PoolSpec.auto(c.hardware()).withPrecision(precision).withSpeculative(speculative);
        if (c.chips().auto()) {
            candidates.add(auto);
        } else if (c.parallelism() != null) {
            ParallelLayout given = c.parallelism();
            candidates.add(auto.withChips(given.tensor() * given.pipeline()).withInstances(given.data())
                    .withLayout(given.tensor(), given.pipeline()));
        } else {
            int chips = c.chips().count();
            for (int instances = 1; instances <= chips; instances++) {
                if (chips % instances == 0) {
                    candidates.add(auto.withChips(chips / instances).withInstances(instances));
                }
            }
        }
        Estimate best = null;
        SplitInferException lastProblem = null;
        for (PoolSpec pool : candidates) {
            Estimate estimate;
            try {
                estimate = estimator.estimate(model, new PipelineSpec.Colocated(pool), workload, c.software());
            } catch (PluginFaultException fault) {
                throw fault;
            } catch (SplitInferException e) {
                lastProblem = e;
                continue;
            }
            if (best == null || better(c.metric(), estimate, best)) {
                best = estimate;
            }
        }
        if (best == null) {
            throw lastProblem;
        }
        var phase = best.phases().get(0);
        String layout = describe(phase.tensor(), phase.pipeline(), phase.instances());
        if (speculative == null) {
            return Prediction.of(value(c.metric(), best), layout);
        }
        List<String> notes = new ArrayList<>();
        for (Assumption assumption : best.assumptions()) {
            if (assumption instanceof Assumption.SpeculativeDecodingApplied applied) {
                notes.add(String.format(Locale.ROOT, "speculative decoding: %s, %d tokens per step, acceptance %.3g,"
                                + " %.3g tokens per step", applied.draftModel() != null ? "draft " + applied.draftModel()
                                : "heads of " + applied.headLayers() + " layer(s)", applied.tokens(),
                        applied.acceptance(), applied.tokensPerStep()));
            }
        }
        return new Prediction(value(c.metric(), best), layout + " speculative", notes);
    }

    /**
     * What a case published of its speculative decoding, the estimator's defaults filling in the rest; null for a
     * case measured with plain decoding.
     */
    private SpeculativeDecoding speculative(Speculation published) {
        if (published == null) {
            return null;
        }
        SpeculativeDecoding speculative = SpeculativeDecoding.defaults();
        if (published.draft() != null && !published.draft().equals(Speculation.HEADS)) {
            speculative = speculative.withDraft(new SpeculativeDecoding.DraftModel(catalog.get(published.draft())));
        }
        if (published.tokens().isPresent()) {
            speculative = speculative.withTokens(published.tokens().getAsInt());
        }
        if (published.acceptance().isPresent()) {
            speculative = speculative.withAcceptance(published.acceptance().getAsDouble());
        }
        return speculative;
    }

    private static boolean better(Metric metric, Estimate candidate, Estimate best) {
        double a = value(metric, candidate);
        double b = value(metric, best);
        return metric == Metric.TTFT_SECONDS ? a < b : a > b;
    }

    private static double value(Metric metric, Estimate estimate) {
        return switch (metric) {
            case TTFT_SECONDS -> estimate.ttftSeconds();
            case OUTPUT_TOKENS_PER_SECOND_PER_USER -> estimate.outputTokensPerSecondPerUser();
            case OUTPUT_TOKENS_PER_SECOND -> estimate.outputTokensPerSecond();
            case TOKENS_PER_JOULE -> estimate.tokensPerJoule();
            case SECONDS -> throw new IllegalArgumentException("seconds is a step metric");
        };
    }

    private static String describe(int tensor, int pipeline, int replicas) {
        return "tp=" + tensor + " pp=" + pipeline + " dp=" + replicas;
    }
}
