package org.splitinfer.core.sim;

/**
 * How arriving requests are spread over a pool's instances (and, in a split pipeline, how a finished prompt picks
 * its decode instance).
 *
 * @since 0.1
 */
public enum RouterPolicy {
    /** Each instance in turn. */
    ROUND_ROBIN,
    /**
     * The instance with the fewest tokens still to process: queued and running prompt tokens for prefill, reserved
     * KV-cache bytes for decode; ties go to the lowest index.
     */
    LEAST_OUTSTANDING_TOKENS
}
