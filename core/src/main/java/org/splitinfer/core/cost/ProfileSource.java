package org.splitinfer.core.cost;

/** Where the serving-stack profile a family's chips run with comes from (see {@link ServingCalibration}). */
public enum ProfileSource {
    /** The stack's own, fitted to its cases on the family. */
    OWN,
    /**
     * The family's kernel efficiency for unknown stacks (or the plain model's), with the stack's own step overhead:
     * fitted to its cases on families where it has no profile of its own, or, without enough of those, the median of
     * its profiles' overheads on the families where it has one.
     */
    STACK_OVERHEAD,
    /** The family's profile for unknown stacks, fitted to the family's other cases. */
    FAMILY_UNKNOWN_STACKS,
    /**
     * The profile of the family's usual stack (the one most of its cases name), standing in where the family has no
     * profile for unknown stacks.
     */
    FAMILY_STACK,
    /** The plain hardware model: nothing fitted for the family. */
    PLAIN_MODEL
}
