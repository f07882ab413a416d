package org.splitinfer.core.calibration;

import org.splitinfer.core.cost.ServingCalibration;

/**
 * The cases one set of fitted parameters draws on: a stack's on one family, the family's unknown stacks, or a stack's
 * cases on every family it is named on (for its overhead alone).
 *
 * @param family the family's name, or {@link #ALL_FAMILIES}
 * @param stack  the stack's name, or {@link #UNKNOWN}
 */
record FitGroup(String family, String stack) {
    /** The stack name of a family's cases that name a stack without a profile of its own, or none. */
    static final String UNKNOWN = "unknown-stacks";
    /** The family name of a stack's overhead fitted once over the several families it is named on. */
    static final String ALL_FAMILIES = "all-families";

    /** @return the parameters' owner as the fit's table names it: {@code gpu.tensorrt-llm} */
    String owner() {
        return family + "." + stack;
    }

    /** @return {@code family.PARENT} for a stack named {@code PARENT/VARIANT} on a family; null for any other group */
    String parentOwner() {
        String parent = ServingCalibration.parentStack(stack);
        if (parent == null || stack.equals(UNKNOWN) || family.equals(ALL_FAMILIES)) {
            return null;
        }
        return family + "." + parent;
    }
}
