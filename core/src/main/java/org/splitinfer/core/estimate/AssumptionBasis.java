package org.splitinfer.core.estimate;

/**
 * What an {@link Assumption} rests on.
 *
 * @since 0.1
 */
public enum AssumptionBasis {
    /** A parameter fitted to published measurements by the calibration (reproducible, see its cases). */
    CALIBRATION,
    /** A documented rule of the estimator (a choice it made where the caller left one open). */
    RULE,
    /** A figure with a cited source (a link's bandwidth, an electricity price). */
    SOURCED_FIGURE,
    /**
     * A figure the caller gave, or its documented default where no one measurement holds for every case (a
     * speculative decoding's acceptance rate).
     */
    ASSUMED_FIGURE
}
