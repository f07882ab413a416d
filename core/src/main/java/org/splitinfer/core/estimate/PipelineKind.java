package org.splitinfer.core.estimate;

/**
 * How a deployment serves requests.
 *
 * @since 0.1
 */
public enum PipelineKind {
    /** Disaggregated: a prefill pool, a KV link, a decode pool. */
    SPLIT,
    /** One pool runs both phases. */
    COLOCATED
}
