package org.splitinfer.core.sim.internal;

import org.splitinfer.core.sim.RouterPolicy;

/**
 * Everything the event loop needs, in its own units: instance counts, step times, KV capacity per instance, the link
 * between the pools. Built from a resolved pipeline by {@link SimulationRunner}, or by hand in tests.
 *
 * @param split              whether prefill and decode run on separate pools
 * @param prefill            the prefill pool (split), or the colocated pool
 * @param decode             the decode pool (split), or null
 * @param linkBytesPerSecond one prefill-decode instance pair's link bandwidth (split)
 * @param linkLatencyNanos   the link's per-transfer latency (split)
 * @param layerStreaming     whether the KV cache streams layer by layer during prefill (split)
 * @param layers             the model's layers, for the part of a streamed cache that cannot overlap the prefill
 * @param kv                 KV-cache sizes
 * @param router             how requests pick instances
 * @param sampleNanos        simulated nanoseconds between time-series samples, 0 for none
 * @param contextWindowTokens prompt and answer tokens a request may have together; longer ones are turned away
 */
record EngineConfig(boolean split, Pool prefill, Pool decode, double linkBytesPerSecond, long linkLatencyNanos,
                    boolean layerStreaming, int layers, KvSizes kv, RouterPolicy router,
                    long sampleNanos, long contextWindowTokens) {

    /** A configuration that serves requests of any length. */
    EngineConfig(boolean split, Pool prefill, Pool decode, double linkBytesPerSecond, long linkLatencyNanos,
                 boolean layerStreaming, int layers, KvSizes kv, RouterPolicy router, long sampleNanos) {
        this(split, prefill, decode, linkBytesPerSecond, linkLatencyNanos, layerStreaming, layers, kv, router,
                sampleNanos, Long.MAX_VALUE);
    }

    /**
     * One pool as the loop sees it.
     *
     * @param instances     instances
     * @param times         what its steps take
     * @param stages        pipeline stages of an instance: prefill steps in flight at once
     * @param kvCacheBytes  KV-cache bytes one instance holds (decode and colocated pools)
     * @param maxBatch      sequences one instance decodes at once at most
     * @param chunkTokens   prompt tokens one prefill step takes at most (prefill and colocated pools)
     */
    record Pool(int instances, StepTimes times, int stages, double kvCacheBytes, int maxBatch, int chunkTokens) {
    }

    /** @return the pool whose KV cache requests reserve: decode when split, else the colocated pool */
    Pool decoding() {
        return split ? decode : prefill;
    }
}
