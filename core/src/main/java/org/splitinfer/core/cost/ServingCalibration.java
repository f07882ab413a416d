package org.splitinfer.core.cost;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.splitinfer.spi.Family;

/**
 * The fitted parameters, each for one accelerator family: never an efficiency pooled across families, because a
 * serving stack's share of a step is not the same on a GPU, an LPU and a wafer. Immutable.
 *
 * <p>The profile of a stack on a family is, in order: the stack's own profile for that family (fitted from that
 * stack's cases on that family); else the family's profile for unknown stacks (fitted from the family's other
 * cases), or the plain hardware model ({@link StackProfile#IDEAL}) for a family no case covers, with the stack's
 * step overhead on other families in place of that profile's overhead when the stack has one (a stack's host,
 * network and scheduler cost per step is not a chip's matter; its kernel efficiency is, and is never carried over).
 *
 * @param stacks                profiles by serving-stack name, then by family name
 * @param stackOverheads        by serving-stack name: its fixed seconds per step on the families where it has no
 *                              profile of its own
 * @param unknownStack          by family name: the profile of a stack without its own there, and of estimates that
 *                              name none
 * @param familyStacks          by family name: the stack most of the family's cases were measured with, whose
 *                              profile there stands in for the family's profile for unknown stacks when the family
 *                              has none (Tenstorrent chips are served by tt-metal, Groq's by its API); a family with
 *                              neither runs the plain hardware model
 * @param collectiveStepSeconds latency per collective step by family name; absent families add none
 */
public record ServingCalibration(Map<String, Map<String, StackProfile>> stacks,
                                 Map<String, Double> stackOverheads,
                                 Map<String, StackProfile> unknownStack,
                                 Map<String, String> familyStacks,
                                 Map<String, Double> collectiveStepSeconds) {
    /** The plain hardware model: no stack, no extra latency. */
    public static final ServingCalibration NONE = new ServingCalibration(Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of());

    /** Copies the maps into sorted, unmodifiable ones (stable output). */
    public ServingCalibration {
        Map<String, Map<String, StackProfile>> byStack = new TreeMap<>();
        stacks.forEach((stack, byFamily) -> byStack.put(stack, Collections.unmodifiableMap(new TreeMap<>(byFamily))));
        stacks = Collections.unmodifiableMap(byStack);
        stackOverheads = Collections.unmodifiableMap(new TreeMap<>(stackOverheads));
        unknownStack = Collections.unmodifiableMap(new TreeMap<>(unknownStack));
        familyStacks = Collections.unmodifiableMap(new TreeMap<>(familyStacks));
        collectiveStepSeconds = Collections.unmodifiableMap(new TreeMap<>(collectiveStepSeconds));
    }

    /** @return the parameters shipped with SplitInfer (core/src/main/resources/.../serving-calibration.yaml) */
    public static ServingCalibration shipped() {
        return ServingCalibrationFile.shipped();
    }

    /**
     * @param software   a serving stack's name, or null for none
     * @param chipFamily the chip's family
     * @return the profile the stack runs with there (see {@link #applied})
     */
    public StackProfile profile(String software, Family chipFamily) {
        return applied(software, chipFamily).profile();
    }

    /**
     * The profile a stack runs with on a family, in order: its own there; else, when the stack has an overhead on
     * families without its profile (fitted to its cases there, or else the median of its own profiles' overheads on
     * other families), that overhead at the family's efficiency for unknown stacks; else the family's
     * profile for unknown stacks; else the profile of the family's usual stack (its own there, or its overhead at the
     * plain model's efficiency); else the plain hardware model.
     *
     * @param software   a serving stack's name, or null for none
     * @param chipFamily the chip's family
     * @return the profile and where it comes from
     */
    public AppliedProfile applied(String software, Family chipFamily) {
        StackProfile own = own(software, chipFamily);
        if (own != null) {
            return new AppliedProfile(own, ProfileSource.OWN, software);
        }
        AppliedProfile family = familyProfile(chipFamily);
        Double overhead = software == null ? null : stackOverheads.getOrDefault(software, overheadElsewhere(software));
        if (overhead != null) {
            return new AppliedProfile(family.profile().withStepOverheadSeconds(overhead),
                    ProfileSource.STACK_OVERHEAD, software);
        }
        return family;
    }

    private AppliedProfile familyProfile(Family chipFamily) {
        StackProfile unknown = unknownStack.get(chipFamily.name());
        if (unknown != null) {
            return new AppliedProfile(unknown, ProfileSource.FAMILY_UNKNOWN_STACKS, null);
        }
        String usual = familyStacks.get(chipFamily.name());
        StackProfile usualOwn = usual == null ? null : own(usual, chipFamily);
        if (usualOwn != null) {
            return new AppliedProfile(usualOwn, ProfileSource.FAMILY_STACK, usual);
        }
        Double overhead = usual == null ? null : stackOverheads.get(usual);
        if (overhead != null) {
            return new AppliedProfile(new StackProfile(1, overhead), ProfileSource.FAMILY_STACK, usual);
        }
        return new AppliedProfile(StackProfile.IDEAL, ProfileSource.PLAIN_MODEL, null);
    }

    /**
     * What a stack adds to a family's step model.
     *
     * @param software a serving stack's name, or null
     * @param family   the chip's family
     * @return the adjustment the step coster applies
     */
    public StepAdjustment adjustment(String software, Family family) {
        return new StepAdjustment(profile(software, family), collectiveStepSeconds.getOrDefault(family.name(), 0.0));
    }

    /**
     * A stack's step overhead where it has profiles of its own, for a family where it has neither a profile nor a
     * fitted overhead: the median over those families (what a stack adds per step, its host, network and
     * scheduler, is not a chip's matter; its efficiency is, and never travels).
     */
    private Double overheadElsewhere(String software) {
        Map<String, StackProfile> byFamily = stacks.get(software);
        if (byFamily == null || byFamily.isEmpty()) {
            return null;
        }
        double[] overheads = byFamily.values().stream().mapToDouble(StackProfile::stepOverheadSeconds).sorted()
                .toArray();
        int n = overheads.length;
        return n % 2 == 1 ? overheads[n / 2] : (overheads[n / 2 - 1] + overheads[n / 2]) / 2;
    }

    /**
     * A stack's own profile on a family; for {@code PARENT/VARIANT} without one of its own, PARENT's (a variant the
     * calibration has not seen runs as the stack it varies).
     */
    private StackProfile own(String software, Family family) {
        Map<String, StackProfile> byFamily = software == null ? null : stacks.get(software);
        StackProfile own = byFamily == null ? null : byFamily.get(family.name());
        String parent = parentStack(software);
        return own == null && parent != null ? own(parent, family) : own;
    }

    /**
     * The stack a variant varies: {@code PARENT} for {@code PARENT/VARIANT} (a model implementation or a release of
     * PARENT), the part before the last slash.
     *
     * @param software a serving stack's name, or null
     * @return its parent, or null when the name names no variant
     */
    public static String parentStack(String software) {
        int slash = software == null ? -1 : software.lastIndexOf('/');
        return slash > 0 ? software.substring(0, slash) : null;
    }
}
