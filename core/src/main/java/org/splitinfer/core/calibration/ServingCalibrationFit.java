package org.splitinfer.core.calibration;

import org.splitinfer.core.cost.StackProfile;
import org.splitinfer.core.cost.ServingCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.CasePredictor;
import org.splitinfer.core.validate.Calibration;
import org.splitinfer.core.validate.Scenario;
import org.splitinfer.core.validate.ValidationCase;

/**
 * Fits the serving-stack profiles and the per-family collective latency to validation cases.
 *
 * <h2>Notes: what is fitted</h2>
 * Physical, bounded parameters, chosen from the cases by fixed rules (never by case id), with no more than one
 * parameter per three cases it draws on, and each for one accelerator family: a stack's share of a step on a GPU says
 * nothing about its share on an LPU or a wafer, so no parameter draws on cases of two families.
 * <ul>
 *   <li>a stack named by at least 6 cases of one family gets, for that family, a kernel efficiency in [0.05, 1] (the
 *       fraction of the modelled kernel speed it reaches) and a fixed overhead per step in [0, 50 ms]; one named by 3
 *       to 5 cases of the family gets the one of the two that explains its cases better, each fitted alone over the
 *       plain hardware model; one named by at least 9, of which at least 3 are prefill steps and 3 are not, also gets
 *       a kernel efficiency of its own for prefill steps in [0.05, 1], drawn on those prefill cases (a stack drives
 *       the matrix units of compute-bound prefill and the memory of bandwidth-bound decode each at its own fraction
 *       of peak: tt-metal's cases put the one near a third and the other near two thirds);</li>
 *   <li>a stack's cases on the families where it has fewer than 3 fit, when they are at least 3 together, the
 *       stack's fixed overhead per step on those families in [0, 50 ms] (its host, network and scheduler: not a
 *       chip's matter, so it may draw on several families; an efficiency never does), applied with each family's
 *       efficiency for unknown stacks; with fewer than 3, a family without the stack's profile takes the median of
 *       the overheads of its profiles on other families ({@link ServingCalibration#applied});</li>
 *   <li>the family's other cases (rarer stacks, and none) fit the family's profile for unknown stacks, which is a
 *       kernel efficiency only (when they are at least 3): an overhead fitted to a few unrelated stacks would not
 *       transfer to the next; estimates on the family that name no stack, or a stack without its own profile there,
 *       use it, and a family without one runs the plain hardware model;</li>
 *   <li>a family whose every case belongs to a calibrated stack records its usual stack, the one most of its cases
 *       name, whose profile there stands in for the family's profile for unknown stacks, which it has no cases to fit
 *       (an unnamed deployment on Tenstorrent chips is served the way tt-metal serves them, not by the plain hardware
 *       model);</li>
 *   <li>a family with at least 3 multi-chip cases gets a latency per collective step in [0, 50 µs] (what a
 *       ring all-reduce pays per hop beyond the interconnect model: it grows with the tensor-parallel degree).</li>
 *   <li>cases measured with speculative decoding are left out (listed as skipped): their speed rests on an
 *       acceptance rate that is assumed unless published, which a fit would fold into the stacks' parameters.</li>
 * </ul>
 * The efficiency divides only the kernels' work: the hardware latency a plugin reports apart
 * ({@link org.splitinfer.spi.StepTiming#hardwareLatencySeconds()}: hops, barriers, reloads) is never scaled by a
 * stack's parameter.
 *
 * <h2>Notes: how</h2>
 * The objective is the sum over the cases a parameter draws on of {@code ln²(predicted ÷ measured)} (symmetric in
 * over- and under-prediction). Coordinate descent from the plain hardware model: each parameter in turn is set by a
 * golden-section search over its bounds (40 steps), four sweeps over all parameters. Deterministic: the same cases
 * give the same parameters to the printed digits.
 */
public final class ServingCalibrationFit implements Calibration<ServingCalibration> {
    /** The fewest cases a parameter may draw on, per parameter. */
    public static final int CASES_PER_PARAMETER = 3;

    private static final double MIN_EFFICIENCY = 0.05;
    private static final double MAX_OVERHEAD_SECONDS = 0.05;
    private static final double MAX_COLLECTIVE_STEP_SECONDS = 50e-6;
    private static final int GOLDEN_STEPS = 40;
    private static final int SWEEPS = 4;
    private static final String UNKNOWN = "unknown-stacks";
    /** The owner of a stack's overhead on the families where it has no profile of its own. */
    private static final String OTHER_FAMILIES = "other-families";

    private final HardwareRegistry hardware;
    private final ModelCatalog catalog;

    /**
     * @param hardware installed accelerators
     * @param catalog  models
     */
    public ServingCalibrationFit(HardwareRegistry hardware, ModelCatalog catalog) {
        this.hardware = hardware;
        this.catalog = catalog;
    }

    @Override
    public ServingCalibration fit(List<ValidationCase> cases) {
        return fitWithReport(cases).calibration();
    }

    @Override
    public CasePredictor predictorWith(ServingCalibration parameters) {
        return new EstimatorCasePredictor(hardware, catalog, parameters);
    }

    /**
     * Fits and reports every parameter.
     *
     * @param cases validation cases
     * @return the parameters and the table of the fit
     */
    public CalibrationResult fitWithReport(List<ValidationCase> cases) {
        List<ValidationCase> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        CasePredictor plain = predictorWith(ServingCalibration.NONE);
        for (ValidationCase c : cases) {
            if (c.metricProblem().isPresent()) {
                skipped.add(c.id() + ": " + c.metricProblem().get());
                continue;
            }
            if (c.speculative() != null) {
                // its speed rests on an assumed acceptance rate: fitting a stack to it would fold that guess into
                // the stack's kernel efficiency and overhead, which every plain estimate then inherits
                skipped.add(c.id() + ": measured with speculative decoding; predicted with it, never fitted");
                continue;
            }
            try {
                plain.predict(c);
                usable.add(c);
            } catch (SplitInferException e) {
                skipped.add(c.id() + ": " + e.getMessage());
            }
        }
        // groups by family, then stack; the family's rare stacks and unnamed cases pool into its unknown-stack group
        Map<String, Map<String, List<ValidationCase>>> byFamily = new TreeMap<>();
        for (ValidationCase c : usable) {
            byFamily.computeIfAbsent(family(c), k -> new TreeMap<>())
                    .computeIfAbsent(c.software() == null ? UNKNOWN : c.software(), k -> new ArrayList<>()).add(c);
        }
        // a named stack's cases on the families where it has too few for a profile of its own: when they are at least
        // 3 together, they fit the stack's step overhead there (what a stack adds per step, its host, network and
        // scheduler, does not depend on the chip); else they join their families' unknown stacks
        Map<String, List<ValidationCase>> leftOver = new TreeMap<>();
        byFamily.forEach((family, byStack) -> byStack.forEach((stack, members) -> {
            if (!stack.equals(UNKNOWN) && members.size() < CASES_PER_PARAMETER) {
                leftOver.computeIfAbsent(stack, k -> new ArrayList<>()).addAll(members);
            }
        }));
        leftOver.values().removeIf(members -> members.size() < CASES_PER_PARAMETER);
        Map<Group, List<ValidationCase>> groups = new LinkedHashMap<>();
        byFamily.forEach((family, byStack) -> {
            List<ValidationCase> rare = new ArrayList<>();
            byStack.forEach((stack, members) -> {
                if (!stack.equals(UNKNOWN) && members.size() >= CASES_PER_PARAMETER) {
                    groups.put(new Group(family, stack), members);
                } else if (!leftOver.containsKey(stack)) {
                    rare.addAll(members);
                }
            });
            groups.put(new Group(family, UNKNOWN), rare);
        });
        leftOver.forEach((stack, members) -> groups.put(new Group(OTHER_FAMILIES, stack), members));

        List<Parameter> parameters = new ArrayList<>();
        groups.forEach((group, members) -> {
            if (group.family().equals(OTHER_FAMILIES)) {
                // an efficiency is a chip's matter and is never carried across families: the overhead only
                parameters.add(overhead(group.owner(), members));
            } else if (group.stack().equals(UNKNOWN)) {
                // an overhead fitted to a few unrelated stacks would not transfer to the next one: efficiency only
                if (members.size() >= CASES_PER_PARAMETER) {
                    parameters.add(efficiency(group.owner(), members));
                }
            } else if (members.size() >= 2 * CASES_PER_PARAMETER) {
                parameters.add(efficiency(group.owner(), members));
                parameters.add(overhead(group.owner(), members));
                List<ValidationCase> prefill = members.stream().filter(c -> c.scenario() == Scenario.PREFILL).toList();
                if (members.size() >= 3 * CASES_PER_PARAMETER && prefill.size() >= CASES_PER_PARAMETER
                        && members.size() - prefill.size() >= CASES_PER_PARAMETER) {
                    parameters.add(new Parameter(group.owner(), "prefillKernelEfficiency", MIN_EFFICIENCY, 1, 1,
                            "fraction", prefill));
                }
            } else if (members.size() >= CASES_PER_PARAMETER) {
                parameters.add(betterSingle(group, members));
            }
        });
        Map<String, List<ValidationCase>> multiChipByFamily = new TreeMap<>();
        for (ValidationCase c : usable) {
            if (!c.chips().auto() && c.chips().count() > 1) {
                multiChipByFamily.computeIfAbsent(family(c), k -> new ArrayList<>()).add(c);
            }
        }
        multiChipByFamily.forEach((family, members) -> {
            if (members.size() >= CASES_PER_PARAMETER) {
                parameters.add(new Parameter(family, "collectiveStepSeconds", 0, MAX_COLLECTIVE_STEP_SECONDS, 0, "s",
                        members));
            }
        });

        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (Parameter parameter : parameters) {
                parameter.value = goldenSection(x -> {
                    double saved = parameter.value;
                    parameter.value = x;
                    double objective = objective(parameter.cases, build(parameters, groups));
                    parameter.value = saved;
                    return objective;
                }, parameter.lower, parameter.upper);
            }
        }
        List<FittedParameter> table = new ArrayList<>();
        for (Parameter parameter : parameters) {
            List<String> ids = new ArrayList<>();
            parameter.cases.forEach(c -> ids.add(c.id()));
            table.add(new FittedParameter(parameter.owner + "." + parameter.name, parameter.value, parameter.lower,
                    parameter.upper, parameter.unit, ids));
        }
        return new CalibrationResult(build(parameters, groups), table, usable.size(), skipped);
    }

    private String family(ValidationCase c) {
        return hardware.get(c.hardware()).spec().family().name();
    }

    private static Parameter efficiency(String owner, List<ValidationCase> members) {
        return new Parameter(owner, "kernelEfficiency", MIN_EFFICIENCY, 1, 1, "fraction", members);
    }

    private static Parameter overhead(String owner, List<ValidationCase> members) {
        return new Parameter(owner, "stepOverheadSeconds", 0, MAX_OVERHEAD_SECONDS, 0, "s", members);
    }

    /**
     * The cases one profile draws on: a stack's on one family, or the family's unknown stacks.
     *
     * @param family the family's name
     * @param stack  the stack's name, or {@link #UNKNOWN}
     */
    private record Group(String family, String stack) {
        /** @return the parameters' owner as the fit's table names it: {@code gpu.tensorrt-llm} */
        String owner() {
            return family + "." + stack;
        }
    }

    /**
     * A stack with too few cases for two parameters gets the one that explains them better: a kernel efficiency
     * (the stack is uniformly slower) or a fixed per-step overhead (it pays a constant per token: network, batching
     * with other tenants, host work). Each is fitted alone on the stack's cases over the plain hardware model.
     */
    private Parameter betterSingle(Group group, List<ValidationCase> members) {
        Map<Group, List<ValidationCase>> only = Map.of(group, members);
        Parameter efficiency = efficiency(group.owner(), members);
        Parameter overhead = overhead(group.owner(), members);
        double[] residuals = new double[2];
        Parameter[] candidates = {efficiency, overhead};
        for (int i = 0; i < 2; i++) {
            Parameter candidate = candidates[i];
            List<Parameter> alone = List.of(candidate);
            candidate.value = goldenSection(x -> {
                double saved = candidate.value;
                candidate.value = x;
                double objective = objective(members, build(alone, only));
                candidate.value = saved;
                return objective;
            }, candidate.lower, candidate.upper);
            residuals[i] = objective(members, build(alone, only));
        }
        Parameter chosen = residuals[1] < residuals[0] ? overhead : efficiency;
        chosen.value = chosen == overhead ? 0 : 1;
        return chosen;
    }

    private double objective(List<ValidationCase> cases, ServingCalibration calibration) {
        CasePredictor predictor = predictorWith(calibration);
        double sum = 0;
        for (ValidationCase c : cases) {
            double ratio = predictor.predict(c).value() / c.value();
            double log = Math.log(ratio);
            sum += log * log;
        }
        return sum;
    }

    private ServingCalibration build(List<Parameter> parameters, Map<Group, List<ValidationCase>> groups) {
        Map<String, Map<String, StackProfile>> stacks = new TreeMap<>();
        Map<String, StackProfile> unknown = new TreeMap<>();
        Map<String, Map<String, Integer>> stackCases = new TreeMap<>();
        Map<String, Double> overheads = new TreeMap<>();
        Map<String, Double> collective = new TreeMap<>();
        for (Group group : groups.keySet()) {
            for (ValidationCase c : groups.get(group)) {
                if (c.software() != null) {
                    stackCases.computeIfAbsent(family(c), k -> new TreeMap<>()).merge(c.software(), 1, Integer::sum);
                }
            }
            boolean fitted = parameters.stream().anyMatch(p -> p.owner.equals(group.owner()));
            if (!fitted) {
                // no parameter: the family's fallback applies (its unknown-stack profile, or the plain model)
                continue;
            }
            double efficiency = value(parameters, group.owner(), "kernelEfficiency", 1);
            StackProfile profile = new StackProfile(efficiency,
                    value(parameters, group.owner(), "stepOverheadSeconds", 0),
                    value(parameters, group.owner(), "prefillKernelEfficiency", efficiency));
            if (group.family().equals(OTHER_FAMILIES)) {
                overheads.put(group.stack(), profile.stepOverheadSeconds());
            } else if (group.stack().equals(UNKNOWN)) {
                unknown.put(group.family(), profile);
            } else {
                stacks.computeIfAbsent(group.stack(), k -> new TreeMap<>()).put(group.family(), profile);
            }
        }
        for (Parameter parameter : parameters) {
            if (parameter.name.equals("collectiveStepSeconds")) {
                collective.put(parameter.owner, parameter.value);
            }
        }
        // each family's usual stack: the one most of its cases name (ties to the first name), for the families whose
        // every case belongs to a calibrated stack; a family with cases of stacks it does not know has those to fit
        // its own profile for unknown stacks, and without enough of them the plain model is the honest fallback
        Map<String, String> familyStacks = new TreeMap<>();
        groups.forEach((group, members) -> {
            if (group.stack().equals(UNKNOWN) && !members.isEmpty()) {
                stackCases.remove(group.family());
            }
        });
        stackCases.forEach((family, counts) -> counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .ifPresent(usual -> familyStacks.put(family, usual.getKey())));
        return new ServingCalibration(stacks, overheads, unknown, familyStacks, collective);
    }

    private static double value(List<Parameter> parameters, String owner, String name, double fallback) {
        for (Parameter parameter : parameters) {
            if (parameter.owner.equals(owner) && parameter.name.equals(name)) {
                return parameter.value;
            }
        }
        return fallback;
    }

    /** Minimises a function on [low, high] by golden-section search; returns the best point seen. */
    private static double goldenSection(DoubleUnaryOperator f, double low, double high) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = low;
        double b = high;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < GOLDEN_STEPS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        double best = fc < fd ? c : d;
        double bestValue = Math.min(fc, fd);
        // the bounds themselves are often the answer (no overhead, full efficiency): check them
        double atLow = f.applyAsDouble(low);
        double atHigh = f.applyAsDouble(high);
        if (atLow <= bestValue && atLow <= atHigh) {
            return low;
        }
        if (atHigh < bestValue) {
            return high;
        }
        return best;
    }

    /** A parameter being fitted. */
    private static final class Parameter {
        final String owner;
        final String name;
        final double lower;
        final double upper;
        final String unit;
        final List<ValidationCase> cases;
        double value;

        Parameter(String owner, String name, double lower, double upper, double start, String unit,
                  List<ValidationCase> cases) {
            this.owner = owner;
            this.name = name;
            this.lower = lower;
            this.upper = upper;
            this.value = start;
            this.unit = unit;
            this.cases = cases;
        }
    }
}
