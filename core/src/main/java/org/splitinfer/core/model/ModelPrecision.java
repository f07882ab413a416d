package org.splitinfer.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.splitinfer.spi.Precision;

/**
 * The number formats a deployment stores a model in: weights, activations (between kernels and on the wire)
 * and the KV cache, with per-tensor-group weight overrides for checkpoints that ship mixed precision
 * (gpt-oss: MXFP4 routed experts, BF16 everything else; DeepSeek-V3: FP8 linear layers, BF16 embedding,
 * LM head, norms and router).
 *
 * <p>The command-line syntax ({@link #parse(String, ModelPrecision)}): one format sets all three
 * ({@code fp8}); otherwise comma-separated {@code key=format} pairs with keys {@code weights},
 * {@code activations} and {@code kv} ({@code weights=fp4,activations=fp8,kv=fp8}), and a tensor group's name in
 * lower case for a weight override ({@code weights=bfp8,dense_mlp=bfp4,dense_mlp_down=bfp8}, Tenstorrent's
 * performance mode). Keys left out keep the base's value. Naming weights, in either form, drops the base's
 * overrides (the user asked for one weight format) except those named beside it. {@link #toString()} writes this
 * syntax, so a precision survives the round trip. Formats are {@link Precision#wellKnown(String) Precision's
 * well-known ones}, case-insensitive.
 *
 * @param weights         default storage format of weights
 * @param activations     format of activations
 * @param kvCache         format of the KV cache
 * @param weightOverrides weight formats that differ from {@code weights}, by tensor group; copied, iterated in
 *                        {@link TensorGroup} order; an entry equal to what its group takes without it (its
 *                        {@link TensorGroup#fallback()}'s format, else {@code weights}) is dropped
 * @since 0.1
 */
public record ModelPrecision(Precision weights, Precision activations, Precision kvCache,
                             Map<TensorGroup, Precision> weightOverrides) {

    /** Everything in BF16. */
    public static final ModelPrecision BF16 = uniform(Precision.BF16);

    /** Validates the fields and normalises the overrides. */
    public ModelPrecision {
        Checks.nonNull("precision weights", weights);
        Checks.nonNull("precision activations", activations);
        Checks.nonNull("precision kv", kvCache);
        Checks.nonNull("precision weight overrides", weightOverrides);
        EnumMap<TensorGroup, Precision> given = new EnumMap<>(TensorGroup.class);
        for (Map.Entry<TensorGroup, Precision> entry : weightOverrides.entrySet()) {
            Checks.nonNull("precision override group", entry.getKey());
            Checks.nonNull("precision override for " + entry.getKey(), entry.getValue());
            given.put(entry.getKey(), entry.getValue());
        }
        // an entry that only repeats what its group would take anyway is dropped; a down projection's block comes
        // first in the enum, so its own entry is settled before it is compared with
        EnumMap<TensorGroup, Precision> copy = new EnumMap<>(TensorGroup.class);
        for (Map.Entry<TensorGroup, Precision> entry : given.entrySet()) {
            TensorGroup fallback = entry.getKey().fallback();
            Precision inherited = fallback == null ? weights : copy.getOrDefault(fallback, weights);
            if (!entry.getValue().equals(inherited)) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        weightOverrides = Collections.unmodifiableMap(copy);
    }

    /**
     * One format for weights, activations and KV cache.
     *
     * @param format the format
     * @return the precision
     */
    public static ModelPrecision uniform(Precision format) {
        return new ModelPrecision(format, format, format, Map.of());
    }

    /**
     * Three formats, no overrides.
     *
     * @param weights     weights
     * @param activations activations
     * @param kvCache     KV cache
     * @return the precision
     */
    public static ModelPrecision of(Precision weights, Precision activations, Precision kvCache) {
        return new ModelPrecision(weights, activations, kvCache, Map.of());
    }

    /**
     * A copy with one tensor group's weights stored differently.
     *
     * @param group  the group
     * @param format its format
     * @return the copy
     */
    public ModelPrecision withOverride(TensorGroup group, Precision format) {
        EnumMap<TensorGroup, Precision> copy = new EnumMap<>(TensorGroup.class);
        copy.putAll(weightOverrides);
        copy.put(group, format);
        return new ModelPrecision(weights, activations, kvCache, copy);
    }

    /**
     * The storage format of one tensor group's weights.
     *
     * @param group the group
     * @return its override, else its {@link TensorGroup#fallback() fallback}'s format, else {@link #weights()}
     */
    public Precision weightsOf(TensorGroup group) {
        Precision override = weightOverrides.get(group);
        if (override != null) {
            return override;
        }
        TensorGroup fallback = group.fallback();
        return fallback == null ? weights : weightsOf(fallback);
    }

    /**
     * Parses the command-line syntax against BF16 defaults.
     *
     * @param text {@code fp8} or {@code weights=fp4,activations=fp8,kv=fp8}
     * @return the precision
     * @throws PrecisionFormatException with one sentence naming the bad part and the valid keys and formats
     */
    public static ModelPrecision parse(String text) {
        return parse(text, BF16);
    }

    /**
     * Parses the command-line syntax; keys left out keep {@code base}'s formats (usually the model's native
     * precision).
     *
     * @param text {@code fp8} or {@code weights=fp4,activations=fp8,kv=fp8}
     * @param base formats for keys left out
     * @return the precision
     * @throws PrecisionFormatException with one sentence naming the bad part and the valid keys and formats
     */
    public static ModelPrecision parse(String text, ModelPrecision base) {
        Checks.nonNull("base precision", base);
        if (text == null || text.isBlank()) {
            throw new PrecisionFormatException("precision is empty; give one format such as 'fp8' or pairs such as "
                    + "'weights=fp4,activations=fp8,kv=fp8', where " + validFormats() + ".");
        }
        String trimmed = text.trim();
        if (!trimmed.contains("=")) {
            Precision all = format(trimmed, trimmed);
            return uniform(all);
        }
        Precision weights = null;
        Precision activations = null;
        Precision kv = null;
        EnumMap<TensorGroup, Precision> named = new EnumMap<>(TensorGroup.class);
        for (String part : trimmed.split(",", -1)) {
            String pair = part.trim();
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new PrecisionFormatException("precision '" + trimmed + "' has '" + pair
                        + "' where a key=format pair was expected; " + validKeys() + ", and " + validFormats() + ".");
            }
            String key = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            Precision value = format(trimmed, pair.substring(equals + 1).trim());
            boolean duplicate;
            switch (key) {
                case "weights" -> {
                    duplicate = weights != null;
                    weights = value;
                }
                case "activations" -> {
                    duplicate = activations != null;
                    activations = value;
                }
                case "kv" -> {
                    duplicate = kv != null;
                    kv = value;
                }
                default -> {
                    TensorGroup group = group(key);
                    if (group == null) {
                        throw new PrecisionFormatException("precision '" + trimmed + "' has unknown key '" + key
                                + "'; " + validKeys() + ", and " + validFormats() + ".");
                    }
                    duplicate = named.put(group, value) != null;
                }
            }
            if (duplicate) {
                throw new PrecisionFormatException("precision '" + trimmed + "' names key '" + key
                        + "' twice; give each key at most once.");
            }
        }
        EnumMap<TensorGroup, Precision> overrides = new EnumMap<>(TensorGroup.class);
        if (weights == null) {
            overrides.putAll(base.weightOverrides);
        }
        overrides.putAll(named);
        return new ModelPrecision(
                weights == null ? base.weights : weights,
                activations == null ? base.activations : activations,
                kv == null ? base.kvCache : kv,
                overrides);
    }

    /**
     * The valid keys as a sentence fragment: the three classes, then the tensor groups a weight override names.
     *
     * @return the fragment
     */
    static String validKeys() {
        List<String> groups = new ArrayList<>();
        for (TensorGroup group : TensorGroup.values()) {
            groups.add(group.name().toLowerCase(Locale.ROOT));
        }
        String last = groups.remove(groups.size() - 1);
        return "valid keys are weights, activations and kv, and for one tensor group's weights " + String.join(", ",
                groups) + " or " + last;
    }

    private static TensorGroup group(String key) {
        for (TensorGroup group : TensorGroup.values()) {
            if (group.name().toLowerCase(Locale.ROOT).equals(key)) {
                return group;
            }
        }
        return null;
    }

    /**
     * The valid formats as a sentence fragment: {@code valid formats are fp32, bf16, …, bfp8 and bfp4}.
     *
     * @return the fragment
     */
    public static String validFormats() {
        List<String> names = new ArrayList<>();
        for (Precision precision : Precision.WELL_KNOWN) {
            names.add(precision.equals(Precision.NVFP4) ? precision.name() + " (alias fp4)" : precision.name());
        }
        String last = names.remove(names.size() - 1);
        return "valid formats are " + String.join(", ", names) + " and " + last;
    }

    private static Precision format(String whole, String name) {
        Optional<Precision> precision = Precision.wellKnown(name);
        if (precision.isEmpty()) {
            throw new PrecisionFormatException("precision '" + whole + "' names unknown format '" + name + "'; "
                    + validFormats() + ".");
        }
        return precision.get();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("weights=").append(weights).append(",activations=").append(activations)
                .append(",kv=").append(kvCache);
        for (Map.Entry<TensorGroup, Precision> entry : weightOverrides.entrySet()) {
            text.append(',').append(entry.getKey().name().toLowerCase(Locale.ROOT)).append('=').append(entry.getValue());
        }
        return text.toString();
    }
}
