package org.splitinfer.core.validate;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a validation case measured, in which unit, and with which scenarios it is meaningful (the validation
 * README's table). A case whose metric is not valid with its scenario is well-formed but cannot be predicted.
 *
 * @since 0.1
 */
public enum Metric {
    /** Latency of the pass or step, seconds. */
    SECONDS("seconds", EnumSet.of(Scenario.PREFILL, Scenario.DECODE_STEP)),
    /** Time to first token of a request, seconds. */
    TTFT_SECONDS("ttftSeconds", EnumSet.of(Scenario.SINGLE_STREAM, Scenario.FIXED_CONCURRENCY)),
    /** 1 / the steady-state time per output token of one request (decode only, no prefill stalls), tokens/s. */
    OUTPUT_TOKENS_PER_SECOND_PER_USER("outputTokensPerSecondPerUser",
            EnumSet.of(Scenario.SINGLE_STREAM, Scenario.FIXED_CONCURRENCY)),
    /** Output tokens per second of the whole system. */
    OUTPUT_TOKENS_PER_SECOND("outputTokensPerSecond", EnumSet.of(Scenario.FIXED_CONCURRENCY, Scenario.OFFLINE)),
    /** Output tokens per joule of wall power of the whole system (hosts, NICs, fans included). */
    TOKENS_PER_JOULE("tokensPerJoule", EnumSet.of(Scenario.FIXED_CONCURRENCY, Scenario.OFFLINE));

    private final String key;
    private final Set<Scenario> validWith;

    Metric(String key, EnumSet<Scenario> validWith) {
        this.key = key;
        this.validWith = validWith;
    }

    /** @return the name in case files, e.g. {@code ttftSeconds} */
    public String key() {
        return key;
    }

    /**
     * @param scenario a scenario
     * @return whether this metric is measured in that scenario
     */
    public boolean isValidWith(Scenario scenario) {
        return validWith.contains(scenario);
    }

    /**
     * @param key a name in case files
     * @return the metric, or empty when the name is not one
     */
    public static Optional<Metric> fromKey(String key) {
        for (Metric metric : values()) {
            if (metric.key.equals(key)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
