package org.splitinfer.core.sim;

/**
 * Requests turned away, by reason.
 *
 * @param reason   why
 * @param requests how many
 * @since 0.1
 */
public record Rejections(RejectionReason reason, long requests) {
}
