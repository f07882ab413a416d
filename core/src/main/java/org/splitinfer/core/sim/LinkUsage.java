package org.splitinfer.core.sim;

/**
 * How the KV links of a split pipeline were used: one link per prefill-decode instance pair, whose bandwidth the
 * transfers on it share.
 *
 * @param link               the link type
 * @param pairs              links (prefill instances × decode instances)
 * @param bytesPerSecond     one link's bandwidth after either end's NICs
 * @param transfers          KV caches moved
 * @param bytes              bytes moved in all
 * @param meanUtilisation    bytes moved ÷ (pairs × bandwidth × duration)
 * @param maxUtilisation     the busiest link's bytes ÷ (bandwidth × duration)
 * @since 0.1
 */
public record LinkUsage(String link, int pairs, double bytesPerSecond, long transfers, double bytes,
                        double meanUtilisation, double maxUtilisation) {
}
