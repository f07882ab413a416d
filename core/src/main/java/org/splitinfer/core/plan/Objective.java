package org.splitinfer.core.plan;

/**
 * What the planner minimises among the deployments that meet the objective.
 *
 * @since 0.1
 */
public enum Objective {
    /** Dollars per million output tokens. */
    COST,
    /** Joules per output token (the most tokens per joule). */
    ENERGY,
    /** Chips. */
    CHIPS,
    /** The 90th-percentile time to first token. */
    LATENCY
}
