package org.splitinfer.core.cost;

import java.util.Map;
import java.util.TreeMap;
import org.splitinfer.core.cost.StepAdjustment;
import org.splitinfer.core.cost.ServingCalibrationFile;
import org.splitinfer.spi.Family;

/**
 * The fitted parameters: one {@link StackProfile} per known serving stack, the profile of a stack SplitInfer does
 * not know, and the latency per collective step of each family that has one. Immutable.
 *
 * @param stacks                 profiles by the {@code software} names of the validation cases
 * @param unknownStack           the profile of any other stack (and of estimates that name none)
 * @param collectiveStepSeconds  latency per collective step by family name; absent families add none
 */
public record ServingCalibration(Map<String, StackProfile> stacks, StackProfile unknownStack,
                                 Map<String, Double> collectiveStepSeconds) {
    /** The plain hardware model: no stack, no extra latency. */
    public static final ServingCalibration NONE = new ServingCalibration(Map.of(), StackProfile.IDEAL, Map.of());

    /** Copies the maps into sorted ones (stable output). */
    public ServingCalibration {
        stacks = java.util.Collections.unmodifiableMap(new TreeMap<>(stacks));
        collectiveStepSeconds = java.util.Collections.unmodifiableMap(new TreeMap<>(collectiveStepSeconds));
    }

    /** @return the parameters shipped with SplitInfer (core/src/main/resources/.../serving-calibration.yaml) */
    public static ServingCalibration shipped() {
        return ServingCalibrationFile.shipped();
    }

    /**
     * @param software a serving stack's name, or null for none
     * @return its profile, or the unknown stack's
     */
    public StackProfile profile(String software) {
        StackProfile profile = software == null ? null : stacks.get(software);
        return profile == null ? unknownStack : profile;
    }

    /**
     * What a stack adds to a family's step model.
     *
     * @param software a serving stack's name, or null
     * @param family   the chip's family
     * @return the adjustment the step coster applies
     */
    public StepAdjustment adjustment(String software, Family family) {
        StackProfile profile = profile(software);
        return new StepAdjustment(profile.kernelEfficiency(), profile.stepOverheadSeconds(),
                collectiveStepSeconds.getOrDefault(family.name(), 0.0));
    }
}
