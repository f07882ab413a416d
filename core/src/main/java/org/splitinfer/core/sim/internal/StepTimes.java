package org.splitinfer.core.sim.internal;

/**
 * What one instance's steps take, in nanoseconds: the engine's only view of the hardware. Production times come from
 * the pool's step-cost table ({@link TableStepTimes}); tests give fixed times to check every timestamp by hand.
 */
interface StepTimes {

    /**
     * Output tokens one decode iteration gives each sequence: 1, or a speculative decoding's expected tokens per
     * verification step ({@link org.splitinfer.core.estimate.SpeculativeDecoding#expectedTokensPerStep()}).
     *
     * @return tokens, {@code >= 1}
     */
    default double tokensPerIteration() {
        return 1;
    }

    /**
     * One decode iteration: every sequence of the batch gets {@link #tokensPerIteration()} tokens.
     *
     * @param batch         sequences, {@code >= 1}
     * @param contextTokens their mean context
     * @return nanoseconds until the batch may step again
     */
    long decodeNanos(int batch, long contextTokens);

    /**
     * A prefill step's latency: from its start until its tokens' KV cache is complete.
     *
     * @param tokens             prompt tokens in the step
     * @param priorContextTokens the context they follow (see {@link Engine}'s notes for packed prompts)
     * @return nanoseconds
     */
    long prefillLatencyNanos(int tokens, long priorContextTokens);

    /**
     * The time a prefill step occupies its instance before the next may start: its latency, or one pipeline stage's
     * share when the instance is pipelined.
     *
     * @param tokens             prompt tokens in the step
     * @param priorContextTokens the context they follow
     * @return nanoseconds, at most the latency
     */
    long prefillIntervalNanos(int tokens, long priorContextTokens);
}
