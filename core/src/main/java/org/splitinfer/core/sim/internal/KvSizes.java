package org.splitinfer.core.sim.internal;

/** The KV cache a request moves and holds, from the model and the pools' formats. */
interface KvSizes {

    /**
     * @param inputTokens the prompt
     * @return bytes of the prompt's KV cache at the prefill pool's format (what a split pipeline transfers)
     */
    double transferBytes(int inputTokens);

    /**
     * @param contextTokens prompt plus answer
     * @return bytes of that context's KV cache at the decoding pool's format (what admission reserves)
     */
    double reserveBytes(long contextTokens);

    /**
     * @param inputTokens the prompt
     * @return nanoseconds the decode side spends converting the cache when the pools' KV formats differ, else 0
     */
    long conversionNanos(int inputTokens);
}
