package org.splitinfer.core.validate;

import java.util.Optional;

/**
 * What a validation case ran, with the workload fields each scenario takes (see {@link Workload}).
 *
 * @since 0.1
 */
public enum Scenario {
    /** One prefill pass over {@code batch} prompts of {@code inputTokens} each. */
    PREFILL("prefill"),
    /** One decode iteration for {@code batch} sequences with {@code contextTokens} each in the KV cache. */
    DECODE_STEP("decode-step"),
    /** One request alone on the system. */
    SINGLE_STREAM("single-stream"),
    /** {@code concurrency} requests decoding together in steady state (a closed loop). */
    FIXED_CONCURRENCY("fixed-concurrency"),
    /** An unlimited backlog; the system batches as large as its memory allows. */
    OFFLINE("offline");

    private final String key;

    Scenario(String key) {
        this.key = key;
    }

    /** @return the name in case files, e.g. {@code decode-step} */
    public String key() {
        return key;
    }

    /** @return whether the scenario serves whole requests (which may decode speculatively), not one pass */
    public boolean decodesRequests() {
        return this == SINGLE_STREAM || this == FIXED_CONCURRENCY || this == OFFLINE;
    }

    /**
     * @param key a name in case files
     * @return the scenario, or empty when the name is not one
     */
    public static Optional<Scenario> fromKey(String key) {
        for (Scenario scenario : values()) {
            if (scenario.key.equals(key)) {
                return Optional.of(scenario);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
