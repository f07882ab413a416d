package org.splitinfer.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.spi.Precision;

/**
 * Reads a model file in SplitInfer's YAML schema (the catalog's format) into a {@link ModelSpec}. Unknown keys
 * are rejected with a suggestion; every other problem of a file is collected and reported in one sentence that
 * names the file and each key.
 *
 * <p>The schema, with optional keys and their defaults in brackets:
 * <pre>
 * id, name, source: text
 * hidden_size, layers, vocab_size: integers
 * context_window_tokens: integer (the longest prompt and answer together; max_position_embeddings)
 * tied_embeddings: boolean
 * norm: rms_norm | layer_norm            embedding_norm: boolean [false]
 * position_encoding: rotary | alibi | learned       learned_positions: integer [0]
 * attention:
 *   type: grouped_query                  query_heads, kv_heads, head_dim: integers
 *     qkv_bias, output_bias, qk_norm, sinks: booleans [false]
 *   type: latent                         query_heads, q_lora_rank, kv_lora_rank, qk_nope_head_dim,
 *                                        qk_rope_head_dim, v_head_dim: integers
 * mlp: {gated: boolean, intermediate_size: integer, bias: boolean [false]}   (absent when every layer is MoE)
 * moe:                                   (absent for dense models)
 *   routed_experts, experts_per_token: integers   shared_experts, dense_leading_layers: integers [0]
 *   expert: {gated, intermediate_size, bias}       router_bias: boolean [false]
 * sliding_window: {window_tokens: integer, pattern: [sliding | full, ...]}   (absent when none)
 * precision: {weights, activations, kv: formats, overrides: {tensor_group: format} [none]}
 *   (tensor groups: TensorGroup's constants in lower case; dense_mlp_down and the experts' *_down take their
 *   block's format unless named)
 * </pre>
 *
 * <p>Integers are read exactly ({@code 32.9} and {@code 4294967328} are refused, not truncated or wrapped) and within
 * the sizes the model records accept; a key given twice is refused.
 */
final class ModelFileReader {

    private static final ObjectReader YAML = StructuredText.yaml().readerFor(ModelDocument.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFileReader() {
    }

    /**
     * Reads one model file a user names, within {@link Limits#MAX_CONFIG_FILE_BYTES}.
     *
     * @param file the file
     * @return the model
     * @throws ModelConfigException naming the file and the keys at fault
     */
    static ModelSpec read(Path file) {
        return read(file.toString(), InputFiles.read(file, "model file", Limits.MAX_CONFIG_FILE_BYTES,
                ModelConfigException::new));
    }

    /**
     * Reads one model file from a stream (the catalog's resources).
     *
     * @param fileName how to name the file in messages
     * @param input    its contents, not closed
     * @return the model
     * @throws ModelConfigException naming the file and the keys at fault
     */
    static ModelSpec read(String fileName, InputStream input) {
        return read(fileName, InputFiles.read(input, "model file '" + fileName + "'", "model file",
                Limits.MAX_CONFIG_FILE_BYTES, ModelConfigException::new));
    }

    private static ModelSpec read(String fileName, String text) {
        ModelDocument document;
        try {
            document = YAML.readValue(text);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            for (Object id : e.getKnownPropertyIds()) {
                known.add(String.valueOf(id));
            }
            known.sort(null);
            String suggestion = Suggestions.closest(e.getPropertyName(), known);
            throw new ModelConfigException("model file '" + fileName + "' has unknown key '" + path(e) + "'"
                    + (suggestion == null ? "; valid keys there are " + String.join(", ", known) + "."
                    : "; did you mean '" + suggestion + "'?"), e);
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new ModelConfigException("model file '" + fileName + "' is empty or not a mapping of keys; see"
                        + " the model schema.", e);
            }
            throw new ModelConfigException("model file '" + fileName + "' has an invalid value for key '" + path(e)
                    + "'" + line(e) + "; expected " + expected(e.getTargetType()) + ".", e);
        } catch (JsonMappingException e) {
            // a number out of an int's range: the binder's own words name Java types
            throw new ModelConfigException("model file '" + fileName + "' has an invalid value for key '" + path(e)
                    + "'" + line(e) + "; expected a whole number in range.", e);
        } catch (JsonProcessingException e) {
            throw new ModelConfigException(StructuredText.sentence("model file " + fileName, e, "YAML") + ".", e);
        }
        if (document == null) {
            throw new ModelConfigException("model file '" + fileName + "' is empty.");
        }
        return new Conversion(fileName).convert(document);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    /** Turns a parsed document into a model, collecting every problem before failing. */
    private static final class Conversion {
        private final String fileName;
        private final List<String> problems = new ArrayList<>();

        Conversion(String fileName) {
            this.fileName = fileName;
        }

        ModelSpec convert(ModelDocument d) {
            String id = required("id", d.id());
            String name = required("name", d.name());
            String source = required("source", d.source());
            Integer hidden = required("hidden_size", d.hiddenSize());
            Integer layers = required("layers", d.layers());
            Integer vocab = required("vocab_size", d.vocabSize());
            Boolean tied = required("tied_embeddings", d.tiedEmbeddings());
            Integer contextWindow = required("context_window_tokens", d.contextWindowTokens());
            NormKind norm = choice("norm", d.norm(), NormKind.class);
            PositionEncoding position = choice("position_encoding", d.positionEncoding(), PositionEncoding.class);
            AttentionSpec attention = attention(d.attention());
            FeedForward mlp = d.mlp() == null ? null : feedForward("mlp", d.mlp());
            MixtureOfExperts moe = d.moe() == null ? null : moe(d.moe());
            SlidingWindow window = d.slidingWindow() == null ? null : slidingWindow(d.slidingWindow());
            ModelPrecision precision = precision(d.precision());
            if (d.mlp() == null && d.moe() == null) {
                problems.add("one of keys 'mlp' and 'moe' is required");
            }
            fail();
            try {
                return new ModelSpec(id, name, source, hidden, layers, vocab, tied, norm,
                        orFalse(d.embeddingNorm()), position, d.learnedPositions() == null ? 0 : d.learnedPositions(),
                        attention, mlp, moe, window, precision, contextWindow);
            } catch (IllegalArgumentException e) {
                throw new ModelConfigException("model file '" + fileName + "' is invalid: " + e.getMessage() + ".",
                        e);
            }
        }

        private AttentionSpec attention(AttentionDocument a) {
            if (a == null) {
                problems.add("key 'attention' is required");
                return null;
            }
            String type = required("attention.type", a.type());
            if (type == null) {
                return null;
            }
            switch (type) {
                case "grouped_query" -> {
                    forbidden("attention", "grouped_query", "q_lora_rank", a.qLoraRank());
                    forbidden("attention", "grouped_query", "kv_lora_rank", a.kvLoraRank());
                    forbidden("attention", "grouped_query", "qk_nope_head_dim", a.qkNopeHeadDim());
                    forbidden("attention", "grouped_query", "qk_rope_head_dim", a.qkRopeHeadDim());
                    forbidden("attention", "grouped_query", "v_head_dim", a.vHeadDim());
                    Integer heads = required("attention.query_heads", a.queryHeads());
                    Integer kvHeads = required("attention.kv_heads", a.kvHeads());
                    Integer headDim = required("attention.head_dim", a.headDim());
                    if (heads == null || kvHeads == null || headDim == null) {
                        return null;
                    }
                    return construct(() -> new GroupedQueryAttention(heads, kvHeads, headDim, orFalse(a.qkvBias()),
                            orFalse(a.outputBias()), orFalse(a.qkNorm()), orFalse(a.sinks())));
                }
                case "latent" -> {
                    forbidden("attention", "latent", "kv_heads", a.kvHeads());
                    forbidden("attention", "latent", "head_dim", a.headDim());
                    forbidden("attention", "latent", "qkv_bias", a.qkvBias());
                    forbidden("attention", "latent", "output_bias", a.outputBias());
                    forbidden("attention", "latent", "qk_norm", a.qkNorm());
                    forbidden("attention", "latent", "sinks", a.sinks());
                    Integer heads = required("attention.query_heads", a.queryHeads());
                    Integer qLora = required("attention.q_lora_rank", a.qLoraRank());
                    Integer kvLora = required("attention.kv_lora_rank", a.kvLoraRank());
                    Integer nope = required("attention.qk_nope_head_dim", a.qkNopeHeadDim());
                    Integer rope = required("attention.qk_rope_head_dim", a.qkRopeHeadDim());
                    Integer v = required("attention.v_head_dim", a.vHeadDim());
                    if (heads == null || qLora == null || kvLora == null || nope == null || rope == null
                            || v == null) {
                        return null;
                    }
                    return construct(() -> new LatentAttention(heads, qLora, kvLora, nope, rope, v));
                }
                default -> {
                    problems.add("key 'attention.type' must be grouped_query or latent, got '" + type + "'");
                    return null;
                }
            }
        }

        private FeedForward feedForward(String key, FeedForwardDocument f) {
            Boolean gated = required(key + ".gated", f.gated());
            Integer inner = required(key + ".intermediate_size", f.intermediateSize());
            if (gated == null || inner == null) {
                return null;
            }
            return construct(() -> new FeedForward(gated, inner, orFalse(f.bias())));
        }

        private MixtureOfExperts moe(MoeDocument m) {
            Integer routed = required("moe.routed_experts", m.routedExperts());
            Integer perToken = required("moe.experts_per_token", m.expertsPerToken());
            FeedForward expert = m.expert() == null ? null : feedForward("moe.expert", m.expert());
            if (m.expert() == null) {
                problems.add("key 'moe.expert' is required");
            }
            if (routed == null || perToken == null || expert == null) {
                return null;
            }
            return construct(() -> new MixtureOfExperts(routed, perToken,
                    m.sharedExperts() == null ? 0 : m.sharedExperts(), expert,
                    m.denseLeadingLayers() == null ? 0 : m.denseLeadingLayers(), orFalse(m.routerBias())));
        }

        private SlidingWindow slidingWindow(SlidingWindowDocument s) {
            Integer window = required("sliding_window.window_tokens", s.windowTokens());
            List<String> names = required("sliding_window.pattern", s.pattern());
            if (window == null || names == null) {
                return null;
            }
            List<LayerAttention> pattern = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                pattern.add(choice("sliding_window.pattern[" + i + "]", names.get(i), LayerAttention.class));
            }
            if (pattern.contains(null)) {
                return null;
            }
            return construct(() -> new SlidingWindow(window, pattern));
        }

        private ModelPrecision precision(PrecisionDocument p) {
            if (p == null) {
                problems.add("key 'precision' is required");
                return null;
            }
            Precision weights = format("precision.weights", required("precision.weights", p.weights()));
            Precision activations = format("precision.activations",
                    required("precision.activations", p.activations()));
            Precision kv = format("precision.kv", required("precision.kv", p.kv()));
            Map<TensorGroup, Precision> overrides = new EnumMap<>(TensorGroup.class);
            if (p.overrides() != null) {
                for (Map.Entry<String, String> entry : p.overrides().entrySet()) {
                    String key = "precision.overrides." + entry.getKey();
                    TensorGroup group = choice(key, entry.getKey(), TensorGroup.class);
                    Precision format = format(key, entry.getValue());
                    if (group != null && format != null) {
                        overrides.put(group, format);
                    }
                }
            }
            if (weights == null || activations == null || kv == null) {
                return null;
            }
            return new ModelPrecision(weights, activations, kv, overrides);
        }

        private Precision format(String key, String name) {
            if (name == null) {
                return null;
            }
            Optional<Precision> precision = Precision.wellKnown(name);
            if (precision.isEmpty()) {
                problems.add("key '" + key + "' names unknown format '" + name + "' (" + ModelPrecision.validFormats()
                        + ")");
                return null;
            }
            return precision.get();
        }

        private <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            if (value == null) {
                problems.add("key '" + key + "' is required (one of " + String.join(", ", names) + ")");
                return null;
            }
            int index = names.indexOf(value);
            if (index < 0) {
                problems.add("key '" + key + "' must be one of " + String.join(", ", names) + ", got '" + value + "'");
                return null;
            }
            return type.getEnumConstants()[index];
        }

        private <T> T required(String key, T value) {
            if (value == null) {
                problems.add("key '" + key + "' is required");
            }
            return value;
        }

        private void forbidden(String block, String type, String key, Object value) {
            if (value != null) {
                problems.add("key '" + block + "." + key + "' does not apply to " + block + " type " + type);
            }
        }

        private <T> T construct(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }

        private void fail() {
            if (!problems.isEmpty()) {
                throw new ModelConfigException("model file '" + fileName + "' is invalid: "
                        + String.join("; ", problems) + ".");
            }
        }

        private static boolean orFalse(Boolean value) {
            return value != null && value;
        }
    }

    record ModelDocument(@JsonProperty("id") String id,
                         @JsonProperty("name") String name,
                         @JsonProperty("source") String source,
                         @JsonProperty("hidden_size") Integer hiddenSize,
                         @JsonProperty("layers") Integer layers,
                         @JsonProperty("vocab_size") Integer vocabSize,
                         @JsonProperty("context_window_tokens") Integer contextWindowTokens,
                         @JsonProperty("tied_embeddings") Boolean tiedEmbeddings,
                         @JsonProperty("norm") String norm,
                         @JsonProperty("embedding_norm") Boolean embeddingNorm,
                         @JsonProperty("position_encoding") String positionEncoding,
                         @JsonProperty("learned_positions") Integer learnedPositions,
                         @JsonProperty("attention") AttentionDocument attention,
                         @JsonProperty("mlp") FeedForwardDocument mlp,
                         @JsonProperty("moe") MoeDocument moe,
                         @JsonProperty("sliding_window") SlidingWindowDocument slidingWindow,
                         @JsonProperty("precision") PrecisionDocument precision) {
    }

    record AttentionDocument(@JsonProperty("type") String type,
                             @JsonProperty("query_heads") Integer queryHeads,
                             @JsonProperty("kv_heads") Integer kvHeads,
                             @JsonProperty("head_dim") Integer headDim,
                             @JsonProperty("qkv_bias") Boolean qkvBias,
                             @JsonProperty("output_bias") Boolean outputBias,
                             @JsonProperty("qk_norm") Boolean qkNorm,
                             @JsonProperty("sinks") Boolean sinks,
                             @JsonProperty("q_lora_rank") Integer qLoraRank,
                             @JsonProperty("kv_lora_rank") Integer kvLoraRank,
                             @JsonProperty("qk_nope_head_dim") Integer qkNopeHeadDim,
                             @JsonProperty("qk_rope_head_dim") Integer qkRopeHeadDim,
                             @JsonProperty("v_head_dim") Integer vHeadDim) {
    }

    record FeedForwardDocument(@JsonProperty("gated") Boolean gated,
                               @JsonProperty("intermediate_size") Integer intermediateSize,
                               @JsonProperty("bias") Boolean bias) {
    }

    record MoeDocument(@JsonProperty("routed_experts") Integer routedExperts,
                       @JsonProperty("experts_per_token") Integer expertsPerToken,
                       @JsonProperty("shared_experts") Integer sharedExperts,
                       @JsonProperty("expert") FeedForwardDocument expert,
                       @JsonProperty("dense_leading_layers") Integer denseLeadingLayers,
                       @JsonProperty("router_bias") Boolean routerBias) {
    }

    record SlidingWindowDocument(@JsonProperty("window_tokens") Integer windowTokens,
                                 @JsonProperty("pattern") List<String> pattern) {
    }

    record PrecisionDocument(@JsonProperty("weights") String weights,
                             @JsonProperty("activations") String activations,
                             @JsonProperty("kv") String kv,
                             @JsonProperty("overrides") Map<String, String> overrides) {
    }
}
