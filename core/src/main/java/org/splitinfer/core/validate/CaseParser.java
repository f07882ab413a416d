package org.splitinfer.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.estimate.SpeculativeDecoding;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.TensorGroup;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

/**
 * Reads one case of a case file ({@link ValidationCases}), adding each problem it finds, with the case
 * ({@code cases[3] 'id'}) and the key, to the file's list.
 */
final class CaseParser {
    private static final List<String> CASE_KEYS = List.of("id", "source", "model", "layers", "hardware", "chips",
            "parallelism", "precision", "software", "speculative", "scenario", "workload", "metric", "value",
            "notes");
    private static final List<String> SPECULATIVE_KEYS = List.of("draft", "tokens", "acceptance");
    private static final List<String> PARALLELISM_KEYS = List.of("tp", "pp", "dp", "ep");
    private static final List<String> PRECISION_KEYS = List.of("weights", "activations", "kvCache", "overrides");
    private static final Map<Scenario, List<String>> WORKLOAD_KEYS = Map.of(
            Scenario.PREFILL, List.of("batch", "inputTokens"),
            Scenario.DECODE_STEP, List.of("batch", "contextTokens"),
            Scenario.SINGLE_STREAM, List.of("inputTokens", "outputTokens"),
            Scenario.FIXED_CONCURRENCY, List.of("concurrency", "inputTokens", "outputTokens"),
            Scenario.OFFLINE, List.of("inputTokens", "outputTokens"));

    private final int index;
    private final JsonNode node;
    private final List<String> problems;
    private String where;
    private boolean failed;

    CaseParser(int index, JsonNode node, List<String> problems) {
        this.index = index;
        this.node = node;
        this.problems = problems;
        this.where = "cases[" + index + "]";
    }

    ValidationCase parse() {
        if (!node.isObject()) {
            problem("expected a mapping of case keys, got " + kind(node));
            return null;
        }
        JsonNode idNode = node.get("id");
        if (idNode != null && idNode.isTextual() && ValidationCase.ID.matcher(idNode.asText()).matches()) {
            where = "cases[" + index + "] '" + idNode.asText() + "'";
        }
        int before = problems.size();
        unknownKeys(node, "", CASE_KEYS, where + ": ", problems);
        failed = problems.size() > before;

        String id = text("id", true);
        if (id != null && !ValidationCase.ID.matcher(id).matches()) {
            problem("key 'id' must be lowercase letters, digits, '.' and '-', got " + Shown.quoted(id));
        }
        String source = text("source", true);
        String model = text("model", true);
        Integer layers = integer(node, "layers", "layers", 1, Integer.MAX_VALUE, false);
        String hardware = text("hardware", true);
        ChipCount chips = chips();
        ParallelLayout parallelism = parallelism(chips);
        ModelPrecision precision = precision();
        String software = text("software", false);
        Speculation speculative = speculative();
        Workload workload = workload();
        Metric metric = metric();
        Double value = value();
        String notes = text("notes", false);
        if (failed) {
            return null;
        }
        try {
            return new ValidationCase(id, source, model, layers, hardware, chips, parallelism, precision,
                    software, workload, metric, value, notes, speculative);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return null;
        }
    }

    private ChipCount chips() {
        JsonNode chips = node.get("chips");
        if (chips == null || chips.isNull()) {
            problem("key 'chips' is required (a number of chips, or auto)");
            return null;
        }
        if (chips.isTextual() && chips.asText().equals("auto")) {
            return ChipCount.AUTO;
        }
        if (chips.isIntegralNumber() && chips.canConvertToLong() && Limits.within(chips.asLong(), 1, Limits.MAX_CHIPS)) {
            return ChipCount.of(chips.asInt());
        }
        problem("key 'chips' must be a whole number of chips from 1 to " + Limits.count(Limits.MAX_CHIPS)
                + ", or auto; got " + shown(chips));
        return null;
    }

    private ParallelLayout parallelism(ChipCount chips) {
        JsonNode parallelism = node.get("parallelism");
        if (parallelism == null || parallelism.isNull()) {
            return null;
        }
        if (!parallelism.isObject()) {
            problem("key 'parallelism' must be a mapping {tp, pp, dp, ep}, got " + kind(parallelism));
            return null;
        }
        int before = problems.size();
        unknownKeys(parallelism, "parallelism.", PARALLELISM_KEYS, where + ": ", problems);
        failed |= problems.size() > before;
        Integer tp = integer(parallelism, "tp", "parallelism.tp", 1, Limits.MAX_CHIPS, false);
        Integer pp = integer(parallelism, "pp", "parallelism.pp", 1, Limits.MAX_CHIPS, false);
        Integer dp = integer(parallelism, "dp", "parallelism.dp", 1, Limits.MAX_CHIPS, false);
        Integer ep = integer(parallelism, "ep", "parallelism.ep", 1, Limits.MAX_CHIPS, false);
        if (chips == null || problems.size() > before) {
            return null;
        }
        if (chips.auto()) {
            problem("key 'parallelism' needs a chip count, but 'chips' is auto; give the number of chips or"
                    + " remove the parallelism");
            return null;
        }
        int tensor = tp == null ? 1 : tp;
        int pipeline = pp == null ? 1 : pp;
        // each factor is at most 2^20, so their products are exact in a long
        long model = (long) tensor * pipeline;
        int data;
        if (dp == null) {
            if (chips.count() % model != 0) {
                problem("key 'parallelism': tp × pp = " + model + " does not divide chips "
                        + chips.count() + "; give a tp and pp whose product divides the chips");
                return null;
            }
            data = (int) (chips.count() / model);
        } else {
            data = dp;
            if ((long) tensor * pipeline * data != chips.count()) {
                problem("key 'parallelism': tp × pp × dp = " + tensor + " × " + pipeline + " × " + data + " = "
                        + (long) tensor * pipeline * data + " but chips is " + chips.count()
                        + "; make the product equal the chips, or leave dp out to derive it");
                return null;
            }
        }
        int expert = ep == null ? 1 : ep;
        if (expert > (long) tensor * data) {
            problem("key 'parallelism.ep' = " + expert + " exceeds tp × dp = " + (long) tensor * data
                    + "; experts are spread over at most the tensor- and data-parallel chips");
            return null;
        }
        return new ParallelLayout(tensor, pipeline, expert, data);
    }

    /**
     * {@code speculative: {draft, tokens, acceptance}}, each key optional (what the source did not publish takes
     * the estimator's defaults); {@code speculative: {}} says only that the measurement decoded speculatively.
     */
    private Speculation speculative() {
        JsonNode speculative = node.get("speculative");
        if (speculative == null || speculative.isNull()) {
            return null;
        }
        if (!speculative.isObject()) {
            problem("key 'speculative' must be a mapping {draft, tokens, acceptance} (each optional; {} when"
                    + " nothing of it was published), got " + kind(speculative));
            return null;
        }
        int before = problems.size();
        unknownKeys(speculative, "speculative.", SPECULATIVE_KEYS, where + ": ", problems);
        failed |= problems.size() > before;
        String draft = null;
        JsonNode draftNode = speculative.get("draft");
        if (draftNode != null && !draftNode.isNull()) {
            if (draftNode.isTextual() && !draftNode.asText().isBlank()) {
                draft = draftNode.asText();
            } else {
                problem("key 'speculative.draft' must be a model id or '" + Speculation.HEADS + "', got "
                        + shown(draftNode));
            }
        }
        Integer tokens = integer(speculative, "tokens", "speculative.tokens", 1, SpeculativeDecoding.MAX_TOKENS,
                false);
        OptionalDouble acceptance = OptionalDouble.empty();
        JsonNode acceptanceNode = speculative.get("acceptance");
        if (acceptanceNode != null && !acceptanceNode.isNull()) {
            if (acceptanceNode.isNumber() && acceptanceNode.asDouble() > 0 && acceptanceNode.asDouble() < 1) {
                acceptance = OptionalDouble.of(acceptanceNode.asDouble());
            } else {
                problem("key 'speculative.acceptance' must be a probability above 0 and below 1, got "
                        + shown(acceptanceNode));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Speculation(draft, tokens == null ? OptionalInt.empty() : OptionalInt.of(tokens), acceptance);
    }

    private ModelPrecision precision() {
        JsonNode precision = node.get("precision");
        if (precision == null || precision.isNull()) {
            problem("key 'precision' is required ({weights: P, activations: P, kvCache: P}; "
                    + ModelPrecision.validFormats() + ")");
            return null;
        }
        if (!precision.isObject()) {
            problem("key 'precision' must be a mapping {weights, activations, kvCache}, got " + kind(precision));
            return null;
        }
        int before = problems.size();
        unknownKeys(precision, "precision.", PRECISION_KEYS, where + ": ", problems);
        failed |= problems.size() > before;
        Precision weights = format(precision, "weights");
        Precision activations = format(precision, "activations");
        Precision kvCache = format(precision, "kvCache");
        Map<TensorGroup, Precision> overrides = overrides(precision.get("overrides"));
        return weights == null || activations == null || kvCache == null || overrides == null ? null
                : new ModelPrecision(weights, activations, kvCache, overrides);
    }

    /**
     * {@code precision.overrides}: weight formats by tensor group, as in a model file, for implementations that store
     * some groups differently (tt-metal's performance mode: MLP gate and up in BFP4, the rest in BFP8).
     */
    private Map<TensorGroup, Precision> overrides(JsonNode overrides) {
        Map<TensorGroup, Precision> groups = new EnumMap<>(TensorGroup.class);
        if (overrides == null || overrides.isNull()) {
            return groups;
        }
        List<String> names = new ArrayList<>();
        for (TensorGroup group : TensorGroup.values()) {
            names.add(group.name().toLowerCase(Locale.ROOT));
        }
        if (!overrides.isObject()) {
            problem("key 'precision.overrides' must be a mapping of tensor group to format (groups: "
                    + String.join(", ", names) + "), got " + kind(overrides));
            return null;
        }
        int before = problems.size();
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            int group = names.indexOf(field.getKey());
            if (group < 0) {
                problem("key 'precision.overrides." + field.getKey() + "' names no tensor group; groups are "
                        + String.join(", ", names));
                continue;
            }
            Precision format = format(overrides, field.getKey(), "precision.overrides." + field.getKey());
            if (format != null) {
                groups.put(TensorGroup.values()[group], format);
            }
        }
        return problems.size() > before ? null : groups;
    }

    private Precision format(JsonNode precision, String key) {
        return format(precision, key, "precision." + key);
    }

    private Precision format(JsonNode precision, String key, String path) {
        JsonNode format = precision.get(key);
        if (format == null || format.isNull()) {
            problem("key '" + path + "' is required (" + ModelPrecision.validFormats() + ")");
            return null;
        }
        Optional<Precision> known = format.isTextual() ? Precision.wellKnown(format.asText()) : Optional.empty();
        if (known.isEmpty()) {
            problem("key '" + path + "' names unknown format " + shown(format) + "; "
                    + ModelPrecision.validFormats());
            return null;
        }
        return known.get();
    }

    private Workload workload() {
        String scenarioName = text("scenario", true);
        JsonNode workload = node.get("workload");
        if (workload == null || workload.isNull()) {
            problem("key 'workload' is required (the scenario's fields)");
            return null;
        }
        if (!workload.isObject()) {
            problem("key 'workload' must be a mapping of the scenario's fields, got " + kind(workload));
            return null;
        }
        if (scenarioName == null) {
            return null;
        }
        Optional<Scenario> found = Scenario.fromKey(scenarioName);
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Scenario scenario : Scenario.values()) {
                names.add(scenario.key());
            }
            String suggestion = Suggestions.closest(scenarioName, names);
            problem("key 'scenario' must be one of " + String.join(", ", names) + ", got " + Shown.quoted(scenarioName)
                    + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            return null;
        }
        Scenario scenario = found.get();
        int before = problems.size();
        unknownKeys(workload, "workload.", WORKLOAD_KEYS.get(scenario), where + ": ", problems,
                " for scenario '" + scenario.key() + "'");
        failed |= problems.size() > before;
        switch (scenario) {
            case PREFILL -> {
                Integer batch = integer(workload, "batch", "workload.batch", 1, Limits.MAX_SEQUENCES, true);
                Integer input = tokens(workload, "inputTokens", 1);
                return batch == null || input == null ? null : new Workload.Prefill(batch, input);
            }
            case DECODE_STEP -> {
                Integer batch = integer(workload, "batch", "workload.batch", 1, Limits.MAX_SEQUENCES, true);
                Integer context = tokens(workload, "contextTokens", 0);
                return batch == null || context == null ? null : new Workload.DecodeStep(batch, context);
            }
            case SINGLE_STREAM -> {
                Integer input = tokens(workload, "inputTokens", 1);
                Integer output = tokens(workload, "outputTokens", 1);
                return input == null || output == null ? null : new Workload.SingleStream(input, output);
            }
            case FIXED_CONCURRENCY -> {
                Integer concurrency = integer(workload, "concurrency", "workload.concurrency", 1,
                        Limits.MAX_SEQUENCES, true);
                Integer input = tokens(workload, "inputTokens", 1);
                Integer output = tokens(workload, "outputTokens", 1);
                return concurrency == null || input == null || output == null ? null
                        : new Workload.FixedConcurrency(concurrency, input, output);
            }
            case OFFLINE -> {
                Double input = positive(workload, "inputTokens", "workload.inputTokens",
                        "a positive number of tokens (a mean) of at most " + Limits.count(Limits.MAX_TOKENS),
                        Limits.MAX_TOKENS);
                Double output = positive(workload, "outputTokens", "workload.outputTokens",
                        "a positive number of tokens (a mean) of at most " + Limits.count(Limits.MAX_TOKENS),
                        Limits.MAX_TOKENS);
                return input == null || output == null ? null : new Workload.Offline(input, output);
            }
            default -> throw new IllegalStateException("scenario " + scenario);
        }
    }

    private Metric metric() {
        String name = text("metric", true);
        if (name == null) {
            return null;
        }
        Optional<Metric> metric = Metric.fromKey(name);
        if (metric.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Metric candidate : Metric.values()) {
                names.add(candidate.key());
            }
            String suggestion = Suggestions.closest(name, names);
            problem("key 'metric' must be one of " + String.join(", ", names) + ", got " + Shown.quoted(name)
                    + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            return null;
        }
        return metric.get();
    }

    private Double value() {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            problem("key 'value' is required (the measured number, in the metric's unit)");
            return null;
        }
        return positive(node, "value", "value", "a positive, finite number in the metric's unit",
                Double.MAX_VALUE);
    }

    private String text(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem("key '" + key + "' is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem("key '" + key + "' must be text, got " + shown(value));
            return null;
        }
        return value.asText();
    }

    private Integer tokens(JsonNode parent, String key, int minimum) {
        return integer(parent, key, "workload." + key, minimum, Limits.MAX_TOKENS, true);
    }

    /** A whole number from {@code minimum} to {@code maximum}, read exactly: no fraction, no wrap. */
    private Integer integer(JsonNode parent, String key, String path, int minimum, long maximum,
                            boolean required) {
        JsonNode value = parent.get(key);
        String range = maximum == Integer.MAX_VALUE ? "of at least " + minimum
                : "from " + minimum + " to " + Limits.count(maximum);
        if (value == null || value.isNull()) {
            if (required) {
                problem("key '" + path + "' is required (a whole number " + range + ")");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || !Limits.within(value.asLong(), minimum, maximum)) {
            problem("key '" + path + "' must be a whole number " + range + ", got " + shown(value));
            return null;
        }
        return value.asInt();
    }

    private Double positive(JsonNode parent, String key, String path, String expected, double maximum) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            problem("key '" + path + "' is required (" + expected + ")");
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() > 0) || !(value.asDouble() <= maximum)) {
            problem("key '" + path + "' must be " + expected + ", got " + shown(value));
            return null;
        }
        return value.asDouble();
    }

    private void problem(String text) {
        problems.add(where + ": " + text);
        failed = true;
    }

    static void unknownKeys(JsonNode node, String prefix, List<String> allowed, String where,
                            List<String> problems) {
        unknownKeys(node, prefix, allowed, where, problems, "");
    }

    static void unknownKeys(JsonNode node, String prefix, List<String> allowed, String where,
                            List<String> problems, String context) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String suggestion = Suggestions.closest(name, allowed);
                problems.add(where + "unknown key '" + prefix + name + "'" + context
                        + (suggestion == null ? " (valid keys: " + String.join(", ", allowed) + ")"
                        : " (did you mean '" + prefix + suggestion + "'?)"));
            }
        }
    }

    private static String shown(JsonNode value) {
        if (value.isTextual()) {
            return Shown.quoted(value.asText());
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return kind(value);
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isTextual()) {
            return "text " + Shown.quoted(node.asText());
        }
        return node.isNumber() ? "the number " + node.asText() : node.asText();
    }
}
