package org.splitinfer.core.plan;

/**
 * One way a deployment falls short.
 *
 * @param kind     of what
 * @param required the limit (a share, seconds, chips, kW or $/hour)
 * @param achieved what it reached
 * @since 0.1
 */
public record Miss(MissKind kind, double required, double achieved) {
}
