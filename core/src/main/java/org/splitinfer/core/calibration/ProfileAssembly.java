package org.splitinfer.core.calibration;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.splitinfer.core.cost.ServingCalibration;
import org.splitinfer.core.cost.StackProfile;
import org.splitinfer.core.validate.ValidationCase;

/** Assembles the calibration a fit's parameters stand for, the rules of what falls back to what in one place. */
final class ProfileAssembly {
    private ProfileAssembly() {
    }

    /**
     * The calibration the parameters give: each group's profile, a variant's unfitted figures taken from its parent, a
     * stack's overhead fitted across families in each of its profiles and for the families without one, and each
     * family's usual stack.
     *
     * @param parameters the fitted parameters, at their current values
     * @param groups     the cases of each group
     * @param family     a case's accelerator family
     * @param layers     the decoder layers a case's model runs
     * @return the calibration
     */
    static ServingCalibration build(List<FitParameter> parameters, Map<FitGroup, List<ValidationCase>> groups,
                                    Function<ValidationCase, String> family, ToIntFunction<ValidationCase> layers) {
        Map<String, Map<String, StackProfile>> stacks = new TreeMap<>();
        Map<String, StackProfile> unknown = new TreeMap<>();
        Map<String, Map<String, Integer>> stackCases = new TreeMap<>();
        Map<String, Double> overheads = new TreeMap<>();
        Map<String, Double> collective = Map.of();
        for (FitGroup group : groups.keySet()) {
            for (ValidationCase c : groups.get(group)) {
                if (c.software() != null) {
                    stackCases.computeIfAbsent(family.apply(c), k -> new TreeMap<>())
                            .merge(c.software(), 1, Integer::sum);
                }
            }
            boolean fitted = parameters.stream().anyMatch(p -> p.owner.equals(group.owner()));
            if (!fitted) {
                // no parameter: the family's fallback applies (its unknown-stack profile, or the plain model)
                continue;
            }
            // a variant's unfitted figures are its parent's, where the parent has fitted ones
            String parentOwner = group.parentOwner();
            String from = parentOwner != null && parameters.stream().anyMatch(p -> p.owner.equals(parentOwner))
                    ? parentOwner : null;
            double parentEfficiency = from == null ? 1 : value(parameters, from, "kernelEfficiency", 1);
            double efficiency = value(parameters, group.owner(), "kernelEfficiency", parentEfficiency);
            StackProfile profile = new StackProfile(efficiency,
                    value(parameters, group.owner(), "stepOverheadSeconds", from == null
                            ? sharedOverhead(parameters, group.stack())
                            : value(parameters, from, "stepOverheadSeconds",
                                    sharedOverhead(parameters, ServingCalibration.parentStack(group.stack())))),
                    value(parameters, group.owner(), "prefillKernelEfficiency",
                            from == null ? efficiency : value(parameters, from, "prefillKernelEfficiency",
                                    parentEfficiency)),
                    value(parameters, group.owner(), "sequenceSeconds",
                            from == null ? 0 : value(parameters, from, "sequenceSeconds", 0)),
                    value(parameters, group.owner(), "ringStepSeconds",
                            from == null || ownsFixedCost(parameters, group, ProfileAssembly::tensorDegree) ? 0
                                    : value(parameters, from, "ringStepSeconds", 0)),
                    value(parameters, group.owner(), "layerSeconds",
                            from == null || ownsFixedCost(parameters, group, layers) ? 0
                                    : value(parameters, from, "layerSeconds", 0)),
                    value(parameters, group.owner(), "attentionEfficiency",
                            from == null ? 1 : value(parameters, from, "attentionEfficiency", 1)));
            if (group.family().equals(FitGroup.ALL_FAMILIES)) {
                overheads.put(group.stack(), profile.stepOverheadSeconds());
            } else if (group.stack().equals(FitGroup.UNKNOWN)) {
                unknown.put(group.family(), profile);
            } else {
                stacks.computeIfAbsent(group.stack(), k -> new TreeMap<>()).put(group.family(), profile);
            }
        }
        // each family's usual stack: the one most of its cases name (ties to the first name), for the families whose
        // every case belongs to a calibrated stack; a family with cases of stacks it does not know has those to fit
        // its own profile for unknown stacks, and without enough of them the plain model is the honest fallback
        Map<String, String> familyStacks = new TreeMap<>();
        groups.forEach((group, members) -> {
            if (group.stack().equals(FitGroup.UNKNOWN) && !members.isEmpty()) {
                stackCases.remove(group.family());
            }
        });
        stackCases.forEach((name, counts) -> counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .ifPresent(usual -> familyStacks.put(name, usual.getKey())));
        return new ServingCalibration(stacks, overheads, unknown, familyStacks, collective);
    }

    /** A stack's overhead fitted across the families it is named on, or 0 when it has none. */
    private static double sharedOverhead(List<FitParameter> parameters, String stack) {
        return value(parameters, FitGroup.ALL_FAMILIES + "." + stack, "stepOverheadSeconds", 0);
    }

    /**
     * Whether a variant fits its own overhead on cases of one value of a trait (one depth, one tensor-parallel degree):
     * there its fixed cost per step and the parent's cost per layer (or per ring step) are one number, which its
     * overhead then stands for, so the parent's is not added to it. The Galaxy's Llama runs only at 32 chips, with
     * collectives of its own: the ring steps tt_transformers' cases at 2 and 8 chips fit are not its.
     */
    private static boolean ownsFixedCost(List<FitParameter> parameters, FitGroup group,
                                         ToIntFunction<ValidationCase> trait) {
        return parameters.stream().anyMatch(p -> p.owner.equals(group.owner()) && p.name.equals("stepOverheadSeconds")
                && p.cases.stream().mapToInt(trait).distinct().count() == 1);
    }

    /** The tensor-parallel degree a case names, 0 where it leaves the layout to the estimator. */
    private static int tensorDegree(ValidationCase c) {
        return c.parallelism() == null ? 0 : c.parallelism().tensor();
    }

    /** @return the named parameter of {@code owner}, or {@code fallback} when it fits none */
    static double value(List<FitParameter> parameters, String owner, String name, double fallback) {
        for (FitParameter parameter : parameters) {
            if (parameter.owner.equals(owner) && parameter.name.equals(name)) {
                return parameter.value;
            }
        }
        return fallback;
    }
}
