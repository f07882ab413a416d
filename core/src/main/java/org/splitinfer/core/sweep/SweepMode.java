package org.splitinfer.core.sweep;

/**
 * What each point of a sweep runs.
 *
 * @since 0.1
 */
public enum SweepMode {
    /** The planner: the best deployment of the hardware set for the point's objective, verified by simulation. */
    PLAN,
    /** The simulator: one given deployment under the point's traffic. */
    SIMULATE
}
