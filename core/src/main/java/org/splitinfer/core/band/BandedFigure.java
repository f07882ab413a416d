package org.splitinfer.core.band;

/**
 * A predicted figure that carries a band, and how its error follows the model's error on time.
 *
 * <p>Times (TTFT, TPOT) and dollars per million tokens (cost per hour ÷ throughput: it grows as work slows) move with
 * time; rates (tokens per second, per user, per joule: work ÷ time, the power held) move against it. TTFT rests on
 * the prefill pool's chip (the first pool of a split deployment); every other figure on the decode pool's (the
 * last): a split deployment's throughput, and so its cost and energy per token, is set by its decode pool unless its
 * prefill pool is the bottleneck, which the band does not follow.
 *
 * @since 0.1
 */
public enum BandedFigure {
    /** Time to first token, seconds. */
    TTFT_SECONDS("ttftSeconds", true, true),
    /** Time per output token, seconds. */
    TPOT_SECONDS("tpotSeconds", true, false),
    /** Output tokens per second of the deployment. */
    OUTPUT_TOKENS_PER_SECOND("outputTokensPerSecond", false, false),
    /** Output tokens per second of one request. */
    OUTPUT_TOKENS_PER_SECOND_PER_USER("outputTokensPerSecondPerUser", false, false),
    /** Output tokens per joule: derived, ∝ throughput at the deployment's power. */
    TOKENS_PER_JOULE("tokensPerJoule", false, false),
    /** Dollars per million output tokens: derived, ∝ 1 ÷ throughput at the deployment's cost per hour. */
    USD_PER_MILLION_TOKENS("usdPerMillionTokens", true, false);

    private final String key;
    private final boolean growsWithTime;
    private final boolean prefillSide;

    BandedFigure(String key, boolean growsWithTime, boolean prefillSide) {
        this.key = key;
        this.growsWithTime = growsWithTime;
        this.prefillSide = prefillSide;
    }

    /** @return the figure's key in JSON output, e.g. {@code ttftSeconds} */
    public String key() {
        return key;
    }

    /** @return whether the figure grows as the work takes longer (a time, a cost per token) */
    public boolean growsWithTime() {
        return growsWithTime;
    }

    /** @return whether it rests on the prefill pool's chip rather than the decode pool's */
    public boolean prefillSide() {
        return prefillSide;
    }
}
