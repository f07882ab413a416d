package org.splitinfer.core.sensitivity;

/**
 * What a perturbed parameter belongs to.
 *
 * @since 0.2
 */
public enum ParameterKind {
    /** A figure of a chip's hardware sheet, perturbed through a what-if override the plugin reads. */
    CHIP_FIGURE,
    /** A figure of the KV link between the pools. */
    LINK_FIGURE,
    /** A cost assumption: amortisation years, electricity price, PUE. */
    COST_ASSUMPTION
}
