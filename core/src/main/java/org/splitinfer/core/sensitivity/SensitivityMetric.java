package org.splitinfer.core.sensitivity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.estimate.Estimate;

/**
 * A figure of an {@link Estimate} a sensitivity analysis differentiates, named as the estimate's JSON names it.
 *
 * @since 0.2
 */
public enum SensitivityMetric {
    /** Time to first token. */
    TTFT("ttftSeconds", Estimate::ttftSeconds),
    /** Time per output token. */
    TPOT("tpotSeconds", Estimate::tpotSeconds),
    /** Output tokens per second of the deployment. */
    THROUGHPUT("outputTokensPerSecond", Estimate::outputTokensPerSecond),
    /** Output tokens per second one user sees. */
    PER_USER("outputTokensPerSecondPerUser", Estimate::outputTokensPerSecondPerUser),
    /** Output tokens per joule of wall power. */
    TOKENS_PER_JOULE("tokensPerJoule", Estimate::tokensPerJoule),
    /** Dollars per million output tokens. */
    USD_PER_MTOK("usdPerMillionTokens", Estimate::usdPerMillionTokens),
    /** Output tokens per second per chip. */
    TOKENS_PER_SECOND_PER_CHIP("tokensPerSecondPerChip", Estimate::tokensPerSecondPerChip),
    /** Wall power of the deployment. */
    WALL_WATTS("wallWatts", Estimate::wallWatts),
    /** Chips of the deployment. */
    CHIPS("chips", estimate -> estimate.chips());

    private final String jsonName;
    private final ToDoubleFunction<Estimate> value;

    SensitivityMetric(String jsonName, ToDoubleFunction<Estimate> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    /** @return the name the estimate's JSON gives it, e.g. {@code usdPerMillionTokens} */
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param estimate an estimate
     * @return this figure of it
     */
    public double of(Estimate estimate) {
        return value.applyAsDouble(estimate);
    }

    /**
     * The metric of a name: the estimate's JSON name ({@code usdPerMillionTokens}) or the constant's
     * ({@code usd-per-mtok}, {@code ttft}), ignoring case.
     *
     * @param name what the user wrote
     * @return the metric
     * @throws SplitInferException naming the metrics when none is so named
     */
    public static SensitivityMetric parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SensitivityMetric metric : values()) {
            if (metric.jsonName.toLowerCase(Locale.ROOT).equals(wanted)
                    || metric.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return metric;
            }
        }
        List<String> names = Arrays.stream(values()).map(SensitivityMetric::jsonName).toList();
        throw new SplitInferException(Suggestions.unknown("metric", name, names), null, List.of("metric"));
    }
}
