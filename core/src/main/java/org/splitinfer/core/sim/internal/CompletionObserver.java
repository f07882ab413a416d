package org.splitinfer.core.sim.internal;

/** Told every completed request's timestamps, in completion order: for tests that check a timeline by hand. */
@FunctionalInterface
interface CompletionObserver {
    /**
     * @param arrival      arrival
     * @param prefillStart first prefill chunk started
     * @param prefillDone  last prefill chunk finished
     * @param reserved     KV-cache room reserved on the decoding instance
     * @param firstToken   first output token
     * @param finish       last output token
     * @param input        prompt tokens
     * @param output       output tokens
     */
    void completed(long arrival, long prefillStart, long prefillDone, long reserved, long firstToken, long finish,
                   int input, int output);
}
