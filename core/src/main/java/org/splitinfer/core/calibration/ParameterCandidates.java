package org.splitinfer.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.Scenario;
import org.splitinfer.core.validate.ValidationCase;
import org.splitinfer.core.validate.Workload;

/**
 * Which parameters a group's cases can tell apart, with their bounds: the rules {@link ServingCalibrationFit}
 * documents, kept apart from how it fits them. A parameter qualifies only where its cases vary in what it explains
 * (prefill against decode steps, batch sizes, tensor-parallel degrees, model depths, prompt lengths); each draws on
 * the cases that show it.
 */
final class ParameterCandidates {
    /** The prompt length from which a prefill's attention is compute-bound enough to fit its ceiling on. */
    static final int LONG_PROMPT_TOKENS = 8192;

    private static final int CASES = ServingCalibrationFit.CASES_PER_PARAMETER;
    private static final double MIN_EFFICIENCY = 0.05;
    private static final double MAX_OVERHEAD_SECONDS = 0.05;
    private static final double MAX_SEQUENCE_SECONDS = 2e-3;
    private static final double MAX_RING_STEP_SECONDS = 50e-6;
    private static final double MAX_LAYER_SECONDS = 200e-6;
    private static final double MIN_ATTENTION_EFFICIENCY = 0.01;

    private final ModelCatalog catalog;

    /** @param catalog the models, for the depth of a case that does not give its own */
    ParameterCandidates(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** A kernel efficiency in [0.05, 1], drawn on every case of the group. */
    FitParameter efficiency(String owner, List<ValidationCase> members) {
        return new FitParameter(owner, "kernelEfficiency", MIN_EFFICIENCY, 1, 1, "fraction", members);
    }

    /** A fixed overhead per step in [0, 50 ms], drawn on every case of the group. */
    FitParameter overhead(String owner, List<ValidationCase> members) {
        return new FitParameter(owner, "stepOverheadSeconds", 0, MAX_OVERHEAD_SECONDS, 0, "s", members);
    }

    /**
     * The one-parameter candidates of a group with 3 to 5 cases: the efficiency, the overhead (unless
     * {@code sharedOverhead}) and, where its cases run models of two depths or more, a time per decoder layer (at one
     * depth that is a fixed cost per step).
     */
    List<FitParameter> singles(String owner, List<ValidationCase> members, boolean sharedOverhead) {
        List<FitParameter> candidates = new ArrayList<>(List.of(efficiency(owner, members)));
        if (!sharedOverhead) {
            candidates.add(overhead(owner, members));
        }
        if (members.stream().map(this::layers).distinct().count() >= 2) {
            candidates.add(layer(owner, members));
        }
        return candidates;
    }

    /**
     * The extra parameters a profile's cases can tell apart: a prefill kernel efficiency (3 prefill steps and 3 other
     * cases), a host cost per decoded sequence (3 cases that decode, at two batch sizes or more), a ring-collective
     * step latency (3 cases at each of two tensor-parallel degrees), a time per decoder layer (3 cases at each of two
     * model depths) and an attention efficiency (3 prefills of prompts of {@value #LONG_PROMPT_TOKENS} tokens or more
     * and 3 other cases), in that order.
     */
    List<FitParameter> extras(String owner, List<ValidationCase> members) {
        List<FitParameter> extras = new ArrayList<>();
        List<ValidationCase> prefill = members.stream().filter(c -> c.scenario() == Scenario.PREFILL).toList();
        if (prefill.size() >= CASES && members.size() - prefill.size() >= CASES) {
            extras.add(new FitParameter(owner, "prefillKernelEfficiency", MIN_EFFICIENCY, 1, 1, "fraction", prefill));
        }
        List<ValidationCase> decoding = members.stream().filter(c -> decodeBatch(c) > 0).toList();
        if (decoding.size() >= CASES
                && decoding.stream().mapToDouble(ParameterCandidates::decodeBatch).distinct().count() >= 2) {
            extras.add(new FitParameter(owner, "sequenceSeconds", 0, MAX_SEQUENCE_SECONDS, 0, "s", decoding));
        }
        List<ValidationCase> parallel = members.stream().filter(c -> tensorDegree(c) > 1).toList();
        if (atLeastTwoValuesWithThreeCases(parallel, ParameterCandidates::tensorDegree)) {
            extras.add(new FitParameter(owner, "ringStepSeconds", 0, MAX_RING_STEP_SECONDS, 0, "s", parallel));
        }
        if (atLeastTwoValuesWithThreeCases(members, this::layers)) {
            extras.add(layer(owner, members));
        }
        // only long prompts make attention compute-bound: its ceiling is told apart from the prefill efficiency there
        List<ValidationCase> longPrompts = members.stream().filter(ParameterCandidates::longPrompt).toList();
        if (longPrompts.size() >= CASES && members.size() - longPrompts.size() >= CASES) {
            // two decades wide, and the objective is flat above where the ceiling starts to bite: a log scale
            extras.add(new FitParameter(owner, "attentionEfficiency", MIN_ATTENTION_EFFICIENCY, 1, 1,
                    "fraction of peak", longPrompts, true));
        }
        return extras;
    }

    /** The decoder layers a case's model runs: the case's own count, else its model's. */
    int layers(ValidationCase c) {
        return c.layers() != null ? c.layers() : catalog.get(c.model()).layers();
    }

    private static FitParameter layer(String owner, List<ValidationCase> members) {
        return new FitParameter(owner, "layerSeconds", 0, MAX_LAYER_SECONDS, 0, "s", members);
    }

    private static boolean atLeastTwoValuesWithThreeCases(List<ValidationCase> cases,
                                                          ToIntFunction<ValidationCase> value) {
        Map<Integer, Long> byValue = new TreeMap<>();
        cases.forEach(c -> byValue.merge(value.applyAsInt(c), 1L, Long::sum));
        return byValue.values().stream().filter(n -> n >= CASES).count() >= 2;
    }

    /** Whether a case is the prefill of prompts of {@value #LONG_PROMPT_TOKENS} tokens or more. */
    private static boolean longPrompt(ValidationCase c) {
        return c.workload() instanceof Workload.Prefill prefill && prefill.inputTokens() >= LONG_PROMPT_TOKENS;
    }

    /** The tensor-parallel degree a case names (0 when it names none: the estimator chooses). */
    private static int tensorDegree(ValidationCase c) {
        return c.parallelism() == null ? 0 : c.parallelism().tensor();
    }

    /**
     * The sequences a case's decode steps hold: the batch of a decode step, the concurrency of a closed loop, 1 for
     * a single stream, unbounded for an offline backlog; 0 for a prefill.
     */
    private static double decodeBatch(ValidationCase c) {
        if (c.workload() instanceof Workload.DecodeStep step) {
            return step.batch();
        }
        if (c.workload() instanceof Workload.FixedConcurrency loop) {
            return loop.concurrency();
        }
        if (c.workload() instanceof Workload.SingleStream) {
            return 1;
        }
        return c.workload() instanceof Workload.Offline ? Double.POSITIVE_INFINITY : 0;
    }
}
