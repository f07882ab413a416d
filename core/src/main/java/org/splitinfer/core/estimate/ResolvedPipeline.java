package org.splitinfer.core.estimate;

import java.util.List;

/**
 * A deployment with every choice made: its pools and, when split, the KV link between them.
 *
 * @param kind                   split or colocated
 * @param pools                  prefill then decode (split), or the one colocated pool
 * @param link                   the KV link type between the pools, or null when colocated
 * @param linkBytesPerSecond     one instance pair's link bandwidth after either end's NICs; 0 when colocated
 * @param layerStreaming         whether the KV cache streams layer by layer during prefill
 * @param assumptions            the choices resolution made (formats, auto chips, layouts), as typed records
 * @since 0.1
 */
public record ResolvedPipeline(PipelineKind kind, List<ResolvedPool> pools, KvLink link, double linkBytesPerSecond,
                               boolean layerStreaming, List<Assumption> assumptions) {
    /** Copies the lists. */
    public ResolvedPipeline {
        pools = List.copyOf(pools);
        assumptions = List.copyOf(assumptions);
    }

    /** @return the prefill pool of a split pipeline */
    public ResolvedPool prefill() {
        requireKind(PipelineKind.SPLIT);
        return pools.get(0);
    }

    /** @return the decode pool of a split pipeline */
    public ResolvedPool decode() {
        requireKind(PipelineKind.SPLIT);
        return pools.get(1);
    }

    /** @return the pool of a colocated pipeline */
    public ResolvedPool colocated() {
        requireKind(PipelineKind.COLOCATED);
        return pools.get(0);
    }

    private void requireKind(PipelineKind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " pipeline has no such pool");
        }
    }
}
