package org.splitinfer.core.estimate;

/**
 * A link type that carries the KV cache from the prefill pool to the decode pool.
 *
 * @param id             e.g. {@code infiniband-ndr-400g}
 * @param description    what it is
 * @param bytesPerSecond one direction, bytes per second
 * @param latencySeconds per transfer
 * @param source         where the bandwidth comes from (and the latency's rationale)
 */
public record KvLink(String id, String description, double bytesPerSecond, double latencySeconds, String source) {
}
