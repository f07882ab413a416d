package org.splitinfer.core.validate;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.spi.ParallelLayout;

/**
 * One published measurement to predict: what was run (model, hardware, chips, layout, precision, software,
 * scenario and workload) and what was measured (metric and value). The fields are those of the validation
 * README's format; {@link ValidationCases} reads them from YAML.
 *
 * <p>A case may be well-formed yet not predictable: its model or hardware id unknown to this installation, or its
 * metric not valid with its scenario ({@link #metricProblem()}). Those become problems of a report, not errors of
 * the file.
 *
 * @param id          unique, {@code [a-z0-9.-]+}
 * @param source      where the measurement was published; not blank
 * @param model       a model id of the catalog; not checked against it here
 * @param layers      evaluate only this many transformer layers (no embeddings, LM head or fixed step overhead),
 *                    or null for the whole model
 * @param hardware    an accelerator id; not checked against the installed plugins here
 * @param chips       total chips, or {@link ChipCount#AUTO}
 * @param parallelism the layout, resolved (tp, pp and ep default to 1, dp derived so tp × pp × dp = chips), or null
 *                    when the tool chooses the layout; never given with an {@code auto} chip count
 * @param precision   weights, activations and KV-cache formats, with per-tensor-group weight overrides
 * @param software    the serving stack that produced the measurement ({@code tensorrt-llm}, {@code vllm},
 *                    {@code vendor-api}, ...), or null when not stated
 * @param workload    the scenario and its fields
 * @param metric      what was measured; may be invalid with the scenario (see {@link #metricProblem()})
 * @param value       the measurement in the metric's unit, positive and finite
 * @param notes       caveats, or null
 * @param speculative that the measurement was reached with speculative decoding, and what was published of it, or
 *                    null for plain decoding; only a request scenario ({@code single-stream},
 *                    {@code fixed-concurrency}, {@code offline}) decodes speculatively
 * @since 0.1
 */
public record ValidationCase(String id, String source, String model, Integer layers, String hardware,
                             ChipCount chips, ParallelLayout parallelism, ModelPrecision precision, String software,
                             Workload workload, Metric metric, double value, String notes, Speculation speculative) {

    /** What a case id may contain. */
    public static final Pattern ID = Pattern.compile("[a-z0-9.-]+");

    /** Validates the fields. */
    public ValidationCase {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("case id must match " + ID + ", got '" + id + "'");
        }
        requireText("source", source);
        requireText("model", model);
        requireText("hardware", hardware);
        if (layers != null && layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        }
        Objects.requireNonNull(chips, "chips");
        if (parallelism != null) {
            if (chips.auto()) {
                throw new IllegalArgumentException("a parallelism needs a chip count, not auto");
            }
            if (parallelism.chips() != chips.count()) {
                throw new IllegalArgumentException("tp × pp × dp = " + parallelism.chips() + " differs from chips "
                        + chips.count());
            }
        }
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("value must be positive and finite, got " + value);
        }
        if (speculative != null && !workload.scenario().decodesRequests()) {
            throw new IllegalArgumentException("key 'speculative' applies to a request scenario (single-stream,"
                    + " fixed-concurrency, offline), not to '" + workload.scenario().key() + "', which measures one"
                    + " pass");
        }
    }

    /**
     * A case measured with plain decoding.
     *
     * @param id          unique id
     * @param source      where it was published
     * @param model       a model id
     * @param layers      layers evaluated, or null
     * @param hardware    an accelerator id
     * @param chips       total chips, or auto
     * @param parallelism the layout, or null
     * @param precision   the formats
     * @param software    the serving stack, or null
     * @param workload    the scenario and its fields
     * @param metric      what was measured
     * @param value       the measurement
     * @param notes       caveats, or null
     */
    public ValidationCase(String id, String source, String model, Integer layers, String hardware, ChipCount chips,
                          ParallelLayout parallelism, ModelPrecision precision, String software, Workload workload,
                          Metric metric, double value, String notes) {
        this(id, source, model, layers, hardware, chips, parallelism, precision, software, workload, metric, value,
                notes, null);
    }

    /** @return the scenario of the workload */
    public Scenario scenario() {
        return workload.scenario();
    }

    /**
     * Why this case's metric cannot be predicted for its scenario, if it cannot.
     *
     * @return a sentence naming the metric, the scenario and the valid metrics, or empty when the pair is valid
     */
    public Optional<String> metricProblem() {
        if (metric.isValidWith(scenario())) {
            return Optional.empty();
        }
        StringBuilder valid = new StringBuilder();
        for (Metric candidate : Metric.values()) {
            if (candidate.isValidWith(scenario())) {
                valid.append(valid.length() == 0 ? "" : ", ").append(candidate.key());
            }
        }
        return Optional.of("metric '" + metric.key() + "' is not measured in scenario '" + scenario().key()
                + "'; use one of " + valid);
    }

    private static void requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
