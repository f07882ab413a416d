package org.splitinfer.core.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.validate.CasePredictor;
import org.splitinfer.core.validate.Calibration;
import org.splitinfer.core.validate.ValidationCase;

/**
 * Fits the serving-stack profiles to validation cases.
 *
 * <h2>Notes: what is fitted</h2>
 * Physical, bounded parameters, chosen from the cases by fixed rules (never by case id), with no more than one
 * parameter per three cases it draws on, and each chip-side one for one accelerator family: a stack's share of a step
 * on a GPU says nothing about its share on an LPU or a wafer, so no efficiency or time per layer draws on cases of two
 * families.
 * <ul>
 *   <li>a stack named by at least 6 cases of one family gets, for that family, a kernel efficiency in [0.05, 1] (the
 *       fraction of the modelled kernel speed it reaches) and a fixed overhead per step in [0, 50 ms]; one named by 3
 *       to 5 cases of the family gets the one parameter that explains its cases best, each candidate fitted alone
 *       over the plain hardware model: the efficiency, the overhead, and a time per decoder layer in [0, 200 µs] when
 *       its cases run models of two depths or more (at one depth a time per layer is a fixed cost per step); one
 *       named by at least 9 gets one more parameter for each further 3 cases, from those its cases can tell apart: a
 *       kernel efficiency of its own for prefill steps in [0.05, 1], drawn on its prefill cases when it has 3 and 3
 *       others (a stack drives the matrix units of compute-bound prefill and the memory of bandwidth-bound decode
 *       each at its own fraction of peak: tt-metal's cases put the one near a third), a host cost per sequence of a
 *       decode step in [0, 2 ms], drawn on its cases that decode when they are 3 at two batch sizes or more, a
 *       latency per step of ring collectives in [0, 50 µs] for a stack whose collectives run as rings
 *       ({@code 2(n − 1)} steps per all-reduce: the latency grows with the tensor-parallel degree), drawn on its
 *       cases that name a tensor-parallel degree above 1 when there are 3 of them at each of two degrees or more (a
 *       latency that grows with the degree cannot be told from a fixed one at fewer; Splitwise's profile has 8 cases
 *       at TP8 and 7 at TP2), and a time per decoder layer in [0, 200 µs] when 3 of its cases run models of one
 *       depth and 3 of another (what the stack's program adds per layer beside its kernels' work: Groq's compiled
 *       schedule, tt-metal's gaps between ops), and an attention efficiency in [0.01, 1] (the most of the chip's
 *       peak its attention kernel reaches: the softmax runs beside the matrix units), drawn on its prefills of prompts
 *       of 8,192 tokens or more when there are 3 of them and 3 other cases (only there is attention compute-bound
 *       enough to tell its ceiling from the prefill efficiency); when fewer may be added than qualify, the set that
 *       explains the stack's cases best, each fitted alone over the plain hardware model, is kept;</li>
 *   <li>a stack named {@code PARENT/VARIANT} (another implementation of PARENT) fits on top of PARENT's profile on
 *       the family, by the same count of its own cases, and its candidates include each parameter PARENT fitted,
 *       refitted on the variant's cases; an overhead of its own, fitted on cases of one depth, stands for its whole
 *       fixed cost per step, so PARENT's time per layer is not added to it;</li>
 *   <li>a stack named on several families fits its fixed overhead per step once, in [0, 50 ms], on its cases of
 *       every family (its host, network and scheduler: not a chip's matter, so it may draw on several families; an
 *       efficiency never does), when its cases number 3 beyond 3 for each parameter its profiles fit of their own;
 *       its profiles then fit no overhead of their own, and the families where it has fewer than 3 cases take that
 *       overhead with their efficiency for unknown stacks. Groq's compiled schedule thus fits as the vendor API's time
 *       per layer on the LPU, beside the one overhead its LPU, wafer and RDU cases share. Without that, a stack's cases
 *       on families where it has fewer than 3 join those families' unknown stacks, and a family without the stack's
 *       profile takes the median of the overheads of its profiles on other families
 *       ({@link ServingCalibration#applied});</li>
 *   <li>the family's other cases (rarer stacks, and none) fit the family's profile for unknown stacks, which is a
 *       kernel efficiency only (when they are at least 3): an overhead fitted to a few unrelated stacks would not
 *       transfer to the next; estimates on the family that name no stack, or a stack without its own profile there,
 *       use it, and a family without one runs the plain hardware model;</li>
 *   <li>a family whose every case belongs to a calibrated stack records its usual stack, the one most of its cases
 *       name, whose profile there stands in for the family's profile for unknown stacks, which it has no cases to fit
 *       (an unnamed deployment on Tenstorrent chips is served the way tt-metal serves them, not by the plain hardware
 *       model);</li>
 *   <li>no family-wide latency per collective step is fitted (a stack whose collectives run as rings fits its own,
 *       above): with collectives priced by each family's interconnect model
 *       (one-shot and two-shot all-reduces on switched GPU domains, hop counts on meshes) and the stacks' host
 *       costs per sequence, it fitted to its bound of 0 on every family (GPU 5.6e-8 s, RDU and Tenstorrent 0) and
 *       only took three parameters from the cases' budget; a calibration file may still set one by hand
 *       ({@link ServingCalibration#collectiveStepSeconds()}).</li>
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
 * golden-section search over its bounds (40 steps; the attention efficiency over the logarithm of its bounds, two
 * decades wide, above the point where its ceiling starts to bite the objective is flat and a search on the plain
 * scale would never step below it), four sweeps over all parameters. Deterministic: the same cases
 * give the same parameters to the printed digits.
 */
public final class ServingCalibrationFit implements Calibration<ServingCalibration> {
    /** The fewest cases a parameter may draw on, per parameter. */
    public static final int CASES_PER_PARAMETER = 3;

    private static final int SWEEPS = 4;

    private final HardwareRegistry hardware;
    private final ModelCatalog catalog;
    private final ParameterCandidates candidates;

    /**
     * @param hardware installed accelerators
     * @param catalog  models
     */
    public ServingCalibrationFit(HardwareRegistry hardware, ModelCatalog catalog) {
        this.hardware = hardware;
        this.catalog = catalog;
        this.candidates = new ParameterCandidates(catalog);
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
     * Each fit keeps its state in its own call; the registry and catalog are immutable, and the SPI makes plugins
     * thread-safe.
     */
    @Override
    public boolean fitsConcurrently() {
        return true;
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
                    .computeIfAbsent(c.software() == null ? FitGroup.UNKNOWN : c.software(), k -> new ArrayList<>())
                    .add(c);
        }
        // a stack named on several families fits its step overhead once, on all its cases (what a stack adds per
        // step, its host, network and scheduler, does not depend on the chip), when they leave 3 cases for it beside
        // its profiles' own parameters; its cases on the families where it has too few for a profile then fit only
        // that; else they join their families' unknown stacks
        Map<String, List<ValidationCase>> leftOver = new TreeMap<>();
        Map<String, Integer> ownParameters = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        byFamily.forEach((family, byStack) -> byStack.forEach((stack, members) -> {
            if (!stack.equals(FitGroup.UNKNOWN)) {
                leftOver.computeIfAbsent(stack, k -> new ArrayList<>()).addAll(members);
                ownParameters.merge(stack, ownParameters(members.size()), Integer::sum);
                families.merge(stack, 1, Integer::sum);
            }
        }));
        leftOver.entrySet().removeIf(e -> families.get(e.getKey()) < 2
                || e.getValue().size() - CASES_PER_PARAMETER * ownParameters.get(e.getKey()) < CASES_PER_PARAMETER);
        Map<FitGroup, List<ValidationCase>> groups = new LinkedHashMap<>();
        byFamily.forEach((family, byStack) -> {
            List<ValidationCase> rare = new ArrayList<>();
            byStack.forEach((stack, members) -> {
                if (!stack.equals(FitGroup.UNKNOWN) && members.size() >= CASES_PER_PARAMETER) {
                    groups.put(new FitGroup(family, stack), members);
                } else if (!leftOver.containsKey(stack)) {
                    rare.addAll(members);
                }
            });
            groups.put(new FitGroup(family, FitGroup.UNKNOWN), rare);
        });
        leftOver.forEach((stack, members) -> groups.put(new FitGroup(FitGroup.ALL_FAMILIES, stack), members));

        List<FitParameter> parameters = new ArrayList<>();
        List<FitGroup> variants = new ArrayList<>();
        groups.forEach((group, members) -> {
            if (parentGroup(group, groups) != null) {
                // a variant of a calibrated stack fits on top of its parent's profile, once the parent is fitted
                variants.add(group);
            } else if (group.family().equals(FitGroup.ALL_FAMILIES)) {
                // an efficiency is a chip's matter and is never carried across families: the overhead only
                parameters.add(candidates.overhead(group.owner(), members));
            } else if (group.stack().equals(FitGroup.UNKNOWN)) {
                // an overhead fitted to a few unrelated stacks would not transfer to the next one: efficiency only
                if (members.size() >= CASES_PER_PARAMETER) {
                    parameters.add(candidates.efficiency(group.owner(), members));
                }
            } else {
                parameters.addAll(stackParameters(group, members, List.of(), leftOver.containsKey(group.stack())));
            }
        });
        descend(parameters, parameters, groups);
        if (!variants.isEmpty()) {
            List<FitParameter> own = new ArrayList<>();
            for (FitGroup variant : variants) {
                own.addAll(stackParameters(variant, groups.get(variant), parameters, false));
            }
            parameters.addAll(own);
            descend(own, parameters, groups);
        }
        List<FittedParameter> table = new ArrayList<>();
        for (FitParameter parameter : parameters) {
            List<String> ids = new ArrayList<>();
            parameter.cases.forEach(c -> ids.add(c.id()));
            table.add(new FittedParameter(parameter.owner + "." + parameter.name, parameter.value, parameter.lower,
                    parameter.upper, parameter.unit, ids));
        }
        return new CalibrationResult(build(parameters, groups), table, usable.size(), skipped);
    }

    /**
     * Coordinate descent: each of the tuned parameters in turn set by a golden-section search over its bounds, the
     * others of {@code all} held, four sweeps.
     */
    private void descend(List<FitParameter> tuned, List<FitParameter> all, Map<FitGroup, List<ValidationCase>> groups) {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (FitParameter parameter : tuned) {
                parameter.value = parameter.search(x -> {
                    double saved = parameter.value;
                    parameter.value = x;
                    double objective = objective(parameter.cases, build(all, groups));
                    parameter.value = saved;
                    return objective;
                });
            }
        }
    }

    private String family(ValidationCase c) {
        return hardware.get(c.hardware()).spec().family().name();
    }

    /**
     * A stack's profile on a family where it has at least 6 cases: a kernel efficiency and a step overhead (none of
     * its own when {@code sharedOverhead}: the stack's, fitted across families, takes its place), and one more
     * parameter for each further 3 cases, from those its cases can tell apart: a prefill kernel efficiency (at least 3
     * prefill steps and 3 other cases), a host cost per decoded sequence (at least 3 cases that decode, at two batch
     * sizes or more), a ring-collective step latency (3 cases at each of two tensor-parallel degrees or more), a
     * time per decoder layer (3 cases at each of two model depths or more) and an attention efficiency (3 prefills
     * of prompts of {@value ParameterCandidates#LONG_PROMPT_TOKENS} tokens or more and 3 other cases; all as
     * {@link ParameterCandidates#extras}). When the cases allow fewer extras
     * than qualify, the set that explains the cases best, each set fitted alone over {@code context} (the plain hardware
     * model, or a variant's parent), is kept.
     */
    private List<FitParameter> profile(FitGroup group, List<ValidationCase> members, List<FitParameter> context,
                                       boolean sharedOverhead) {
        List<FitParameter> base = sharedOverhead ? List.of(candidates.efficiency(group.owner(), members))
                : List.of(candidates.efficiency(group.owner(), members), candidates.overhead(group.owner(), members));
        List<FitParameter> extras = candidates.extras(group.owner(), members);
        // the overhead's place counts whether the profile fits its own or the stack's across families
        int allowed = members.size() / CASES_PER_PARAMETER - 2;
        if (extras.size() <= allowed) {
            List<FitParameter> all = new ArrayList<>(base);
            all.addAll(extras);
            return all;
        }
        // more extras qualify than the cases allow: keep the subset (of the allowed size) that fits them best
        List<FitParameter> best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (List<FitParameter> chosen : subsets(extras, allowed)) {
            List<FitParameter> candidate = new ArrayList<>();
            for (FitParameter parameter : base) {
                candidate.add(parameter.copy());
            }
            for (FitParameter parameter : chosen) {
                candidate.add(parameter.copy());
            }
            Map<FitGroup, List<ValidationCase>> only = Map.of(group, members);
            List<FitParameter> all = new ArrayList<>(context);
            all.addAll(candidate);
            descend(candidate, all, only);
            double objective = objective(members, build(all, only));
            if (objective < bestObjective) {
                bestObjective = objective;
                best = new ArrayList<>(base);
                best.addAll(chosen);
            }
        }
        return best;
    }

    /** The subsets of {@code items} with {@code size} members, in order. */
    private static List<List<FitParameter>> subsets(List<FitParameter> items, int size) {
        List<List<FitParameter>> subsets = new ArrayList<>();
        if (size == 0) {
            subsets.add(List.of());
            return subsets;
        }
        for (int i = 0; i <= items.size() - size; i++) {
            for (List<FitParameter> rest : subsets(items.subList(i + 1, items.size()), size - 1)) {
                List<FitParameter> subset = new ArrayList<>();
                subset.add(items.get(i));
                subset.addAll(rest);
                subsets.add(subset);
            }
        }
        return subsets;
    }

    /**
     * A stack with too few cases for two parameters gets the one that explains them best: a kernel efficiency (the
     * stack is uniformly slower), a fixed per-step overhead (it pays a constant per token: network, batching with
     * other tenants, host work; not when {@code sharedOverhead}), a time per decoder layer (its cases run models of
     * two depths or more), or, for a variant, one of its parent's parameters refitted. Each is fitted alone on the
     * stack's cases over {@code context}.
     */
    private FitParameter betterSingle(FitGroup group, List<ValidationCase> members, List<FitParameter> context,
                                      boolean sharedOverhead) {
        Map<FitGroup, List<ValidationCase>> only = Map.of(group, members);
        List<FitParameter> singles = candidates.singles(group.owner(), members, sharedOverhead);
        String parent = group.parentOwner();
        for (FitParameter inherited : context) {
            // a variant may instead refit one of its parent's other parameters on its own cases: another
            // implementation of a stack keeps its host loop but may pay less (or more) per layer, say
            if (inherited.owner.equals(parent) && singles.stream().noneMatch(c -> c.name.equals(inherited.name))) {
                singles.add(inherited.refitted(group.owner(), members));
            }
        }
        double[] residuals = new double[singles.size()];
        double[] starts = new double[singles.size()];
        for (int i = 0; i < singles.size(); i++) {
            FitParameter candidate = singles.get(i);
            starts[i] = candidate.value;
            List<FitParameter> alone = new ArrayList<>(context);
            alone.add(candidate);
            candidate.value = candidate.search(x -> {
                double saved = candidate.value;
                candidate.value = x;
                double objective = objective(members, build(alone, only));
                candidate.value = saved;
                return objective;
            });
            residuals[i] = objective(members, build(alone, only));
        }
        int best = 0;
        for (int i = 1; i < residuals.length; i++) {
            if (residuals[i] < residuals[best]) {
                best = i;
            }
        }
        // the chosen one starts where it stood (the plain model's value, or the parent's) for the joint descent
        FitParameter chosen = singles.get(best);
        chosen.value = starts[best];
        return chosen;
    }

    /**
     * A named stack's parameters on a family by its case count: none under 3, the better single one from 3 to 5,
     * its profile from 6. {@code context} holds what the group builds on (its parent's fitted parameters, for a
     * variant), held while these are chosen.
     */
    private List<FitParameter> stackParameters(FitGroup group, List<ValidationCase> members, List<FitParameter> context,
                                               boolean sharedOverhead) {
        if (members.size() >= 2 * CASES_PER_PARAMETER) {
            return profile(group, members, context, sharedOverhead);
        }
        if (members.size() >= CASES_PER_PARAMETER) {
            return List.of(betterSingle(group, members, context, sharedOverhead));
        }
        return List.of();
    }

    /**
     * The most parameters a stack's profile on one family fits of its own when the stack's overhead is fitted across
     * families: the better single one from 3 to 5 cases, one per 3 cases less the overhead's place from 6.
     */
    private static int ownParameters(int cases) {
        return cases < CASES_PER_PARAMETER ? 0 : cases < 2 * CASES_PER_PARAMETER ? 1 : cases / CASES_PER_PARAMETER - 1;
    }

    /**
     * The group a variant builds on: for a stack named {@code PARENT/VARIANT} (a model implementation or a release of
     * PARENT), PARENT's group on the same family when it has cases enough for a profile; null otherwise.
     */
    private static FitGroup parentGroup(FitGroup group, Map<FitGroup, List<ValidationCase>> groups) {
        String owner = group.parentOwner();
        if (owner == null) {
            return null;
        }
        FitGroup parent = new FitGroup(group.family(), owner.substring(group.family().length() + 1));
        List<ValidationCase> members = groups.get(parent);
        return members != null && members.size() >= CASES_PER_PARAMETER ? parent : null;
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

    private ServingCalibration build(List<FitParameter> parameters, Map<FitGroup, List<ValidationCase>> groups) {
        return ProfileAssembly.build(parameters, groups, this::family, candidates::layers);
    }
}
