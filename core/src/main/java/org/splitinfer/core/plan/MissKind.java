package org.splitinfer.core.plan;

/**
 * What a deployment falls short of.
 *
 * @since 0.1
 */
public enum MissKind {
    /** Too few requests met the latency objective. */
    SLO_ATTAINMENT,
    /** The 90th-percentile time to first token is above the objective's. */
    TTFT,
    /** The 90th-percentile time per output token is above the objective's. */
    TPOT,
    /** It needs more chips than the budget allows. */
    CHIPS_BUDGET,
    /** It draws more wall power than the budget allows. */
    POWER_BUDGET,
    /** It costs more per hour than the budget allows. */
    COST_BUDGET
}
