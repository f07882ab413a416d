package org.splitinfer.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.spi.Precision;

/**
 * Imports a Hugging Face {@code config.json} into a {@link ModelSpec}.
 *
 * <p>Supported {@code architectures}: {@value #SUPPORTED_TEXT}. Keys are read as the transformers
 * configuration classes define them, with their defaults where a key is optional (for example
 * {@code num_key_value_heads} defaults to {@code num_attention_heads}, {@code head_dim} to
 * {@code hidden_size / num_attention_heads}, {@code tie_word_embeddings} to false, and to true for BLOOM).
 * Keys that do not change the cost (dropout, rope scaling, token ids) are ignored. The context window is
 * {@code max_position_embeddings}, with the configuration class's default when absent; BLOOM, whose ALiBi positions
 * have no table, gets its training sequence length, 2,048 tokens.
 *
 * <p>Precision: {@code torch_dtype} (or {@code dtype}) gives the weights, activations and KV cache format,
 * BF16 when absent. A {@code quantization_config} with {@code quant_method} {@code fp8} (DeepSeek-V3's block
 * FP8) stores the weights in FP8 except the embedding, LM head, norms and router, which stay at the dtype;
 * {@code mxfp4} (gpt-oss) stores the routed experts in MXFP4. Other methods are rejected.
 *
 * <p>The file is read through {@link InputFiles} (a regular file of at most {@link Limits#MAX_CONFIG_FILE_BYTES}) and
 * parsed strictly: a key given twice is refused, as is nesting deeper than {@link Limits#MAX_NESTING_DEPTH} levels.
 * Every failure is a {@link ModelConfigException} whose message is one sentence naming the file and the field.
 * Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class HuggingFaceConfigImporter {

    private static final String SUPPORTED_TEXT = "BloomForCausalLM, DeepseekV3ForCausalLM, GptOssForCausalLM, "
            + "LlamaForCausalLM, MistralForCausalLM, MixtralForCausalLM, Qwen2ForCausalLM, Qwen3ForCausalLM and "
            + "Qwen3MoeForCausalLM";

    /** The architectures this importer reads, sorted. */
    public static final List<String> SUPPORTED_ARCHITECTURES = List.of("BloomForCausalLM", "DeepseekV3ForCausalLM",
            "GptOssForCausalLM", "LlamaForCausalLM", "MistralForCausalLM", "MixtralForCausalLM", "Qwen2ForCausalLM",
            "Qwen3ForCausalLM", "Qwen3MoeForCausalLM");

    /** BLOOM's training sequence length (arXiv:2211.05100): its ALiBi positions have no table to bound them. */
    private static final int BLOOM_CONTEXT_TOKENS = 2048;

    private HuggingFaceConfigImporter() {
    }

    /**
     * Imports a config.json file, or the {@code config.json} inside a directory. The model's id and name are
     * the directory's name when the file is called {@code config.json}, the file's name otherwise.
     *
     * @param path a config.json or a directory holding one
     * @return the model
     * @throws ModelConfigException naming the file and the field at fault
     */
    public static ModelSpec importConfig(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("config.json") : path;
        String text = InputFiles.read(file, "config file", Limits.MAX_CONFIG_FILE_BYTES, ModelConfigException::new);
        return importConfig(file.toString(), identity(file), text);
    }

    /**
     * Imports config.json contents.
     *
     * @param fileName how to name the file in messages, and the model's source
     * @param id       the model's id and name
     * @param input    the JSON, not closed
     * @return the model
     * @throws ModelConfigException naming the file and the field at fault
     */
    public static ModelSpec importConfig(String fileName, String id, InputStream input) {
        return importConfig(fileName, id, InputFiles.read(input, "config file '" + fileName + "'", "config file",
                Limits.MAX_CONFIG_FILE_BYTES, ModelConfigException::new));
    }

    private static ModelSpec importConfig(String fileName, String id, String text) {
        JsonNode root = StructuredText.jsonTree("config file " + fileName, text, ModelConfigException::new);
        if (root == null || !root.isObject()) {
            throw new ModelConfigException("config file '" + fileName + "' must hold a JSON object, got "
                    + (root == null || root.isMissingNode() ? "nothing"
                    : root.getNodeType().name().toLowerCase(Locale.ROOT)) + ".");
        }
        return new Config(fileName, root).toModel(id);
    }

    private static String identity(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "model" : fileName.toString();
        if (name.equals("config.json") && file.toAbsolutePath().getParent() != null
                && file.toAbsolutePath().getParent().getFileName() != null) {
            name = file.toAbsolutePath().getParent().getFileName().toString();
        } else if (name.endsWith(".json")) {
            name = name.substring(0, name.length() - ".json".length());
        }
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "model-" + id : id;
    }

    /** One config.json being read. */
    private static final class Config {
        private final String file;
        private final JsonNode root;
        private String architecture = "";

        Config(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        ModelSpec toModel(String id) {
            JsonNode architectures = root.get("architectures");
            if (architectures == null || architectures.isNull()) {
                throw new ModelConfigException("config file '" + file + "' is missing required field "
                        + "'architectures'; supported architectures are " + SUPPORTED_TEXT + ".");
            }
            String named = architectures.isArray() && architectures.size() > 0 && architectures.get(0).isTextual()
                    ? architectures.get(0).asText() : architectures.toString();
            if (!SUPPORTED_ARCHITECTURES.contains(named)) {
                throw new ModelConfigException("config file '" + file + "' has unsupported architectures value '"
                        + named + "'; supported architectures are " + SUPPORTED_TEXT + ".");
            }
            architecture = named;
            String source = file;
            // a part's own check (more experts per token than experts, a size out of range) is the file's problem
            return guard(() -> switch (named) {
                case "LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM", "Qwen3ForCausalLM" ->
                        dense(id, source);
                case "MixtralForCausalLM", "Qwen3MoeForCausalLM", "GptOssForCausalLM" -> sparse(id, source);
                case "DeepseekV3ForCausalLM" -> deepseek(id, source);
                case "BloomForCausalLM" -> bloom(id, source);
                default -> throw new IllegalStateException(named);
            });
        }

        private ModelSpec dense(String id, String source) {
            int hidden = positive("hidden_size");
            FeedForward mlp = new FeedForward(true, positive("intermediate_size"),
                    architecture.equals("LlamaForCausalLM") && bool("mlp_bias", false));
            return build(id, source, hidden, groupedQuery(hidden), mlp, null);
        }

        private ModelSpec sparse(String id, String source) {
            int hidden = positive("hidden_size");
            MixtureOfExperts moe = switch (architecture) {
                case "MixtralForCausalLM" -> new MixtureOfExperts(positive("num_local_experts"),
                        positive("num_experts_per_tok"), 0, FeedForward.gated(positive("intermediate_size")), 0,
                        false);
                case "Qwen3MoeForCausalLM" -> {
                    if (optionalInt("decoder_sparse_step", 1) != 1) {
                        throw unsupported("decoder_sparse_step", root.get("decoder_sparse_step"), "1");
                    }
                    JsonNode mlpOnly = root.get("mlp_only_layers");
                    if (mlpOnly != null && !mlpOnly.isNull() && !(mlpOnly.isArray() && mlpOnly.isEmpty())) {
                        throw unsupported("mlp_only_layers", mlpOnly, "[]");
                    }
                    yield new MixtureOfExperts(positive("num_experts"), positive("num_experts_per_tok"), 0,
                            FeedForward.gated(positive("moe_intermediate_size")), 0, false);
                }
                default -> new MixtureOfExperts(positive("num_local_experts"),
                        root.has("num_experts_per_tok") ? positive("num_experts_per_tok")
                                : positive("experts_per_token"),
                        0, new FeedForward(true, positive("intermediate_size"), true), 0, true);
            };
            return build(id, source, hidden, groupedQuery(hidden), null, moe);
        }

        private ModelSpec deepseek(String id, String source) {
            int hidden = positive("hidden_size");
            if (optionalInt("moe_layer_freq", 1) != 1) {
                throw unsupported("moe_layer_freq", root.get("moe_layer_freq"), "1");
            }
            LatentAttention attention = new LatentAttention(positive("num_attention_heads"),
                    optionalInt("q_lora_rank", 0), positive("kv_lora_rank"), positive("qk_nope_head_dim"),
                    positive("qk_rope_head_dim"), positive("v_head_dim"));
            int layers = positive("num_hidden_layers");
            int denseLeading = optionalInt("first_k_dense_replace", 0);
            MixtureOfExperts moe = new MixtureOfExperts(positive("n_routed_experts"), positive("num_experts_per_tok"),
                    optionalInt("n_shared_experts", 0), FeedForward.gated(positive("moe_intermediate_size")),
                    Math.min(denseLeading, layers), "noaux_tc".equals(text("topk_method", "noaux_tc")));
            FeedForward mlp = moe.denseLeadingLayers() > 0 ? FeedForward.gated(positive("intermediate_size")) : null;
            return build(id, source, hidden, attention, mlp, moe);
        }

        private ModelSpec bloom(String id, String source) {
            int hidden = positiveEither("hidden_size", "n_embed");
            int layers = positiveEither("n_layer", "num_hidden_layers");
            int heads = positiveEither("n_head", "num_attention_heads");
            int vocab = positive("vocab_size");
            GroupedQueryAttention attention = new GroupedQueryAttention(heads, heads, headDim(hidden, heads, "n_head"),
                    true, true, false, false);
            FeedForward mlp = new FeedForward(false, 4 * hidden, true);
            return guard(() -> new ModelSpec(id, id, source, hidden, layers, vocab,
                    bool("tie_word_embeddings", true), NormKind.LAYER_NORM, true, PositionEncoding.ALIBI, 0,
                    attention, mlp, null, null, precision(), optionalPositive("seq_length", BLOOM_CONTEXT_TOKENS)));
        }

        private GroupedQueryAttention groupedQuery(int hidden) {
            int heads = positive("num_attention_heads");
            int kvHeads = optionalInt("num_key_value_heads", heads);
            int defaultHeadDim = switch (architecture) {
                case "Qwen3ForCausalLM", "Qwen3MoeForCausalLM" -> 128;
                case "GptOssForCausalLM" -> 64;
                default -> headDim(hidden, heads, "num_attention_heads");
            };
            int headDim = optionalInt("head_dim", defaultHeadDim);
            boolean qkvBias;
            boolean outputBias;
            switch (architecture) {
                case "Qwen2ForCausalLM" -> {
                    qkvBias = true;
                    outputBias = false;
                }
                case "LlamaForCausalLM", "Qwen3ForCausalLM", "Qwen3MoeForCausalLM" -> {
                    qkvBias = bool("attention_bias", false);
                    outputBias = qkvBias;
                }
                case "GptOssForCausalLM" -> {
                    qkvBias = bool("attention_bias", true);
                    outputBias = qkvBias;
                }
                default -> {
                    qkvBias = false;
                    outputBias = false;
                }
            }
            boolean qkNorm = architecture.startsWith("Qwen3");
            boolean sinks = architecture.equals("GptOssForCausalLM");
            return guard(() -> new GroupedQueryAttention(heads, kvHeads, headDim, qkvBias, outputBias, qkNorm, sinks));
        }

        private ModelSpec build(String id, String source, int hidden, AttentionSpec attention, FeedForward mlp,
                                MixtureOfExperts moe) {
            int layers = positive("num_hidden_layers");
            int vocab = positive("vocab_size");
            boolean tied = bool("tie_word_embeddings", false);
            SlidingWindow window = slidingWindow(layers);
            ModelPrecision precision = precision();
            int contextWindow = optionalPositive("max_position_embeddings", defaultContextTokens());
            return guard(() -> new ModelSpec(id, id, source, hidden, layers, vocab, tied, NormKind.RMS_NORM, false,
                    PositionEncoding.ROTARY, 0, attention, mlp, moe, window, precision, contextWindow));
        }

        /** {@code max_position_embeddings} of the architecture's transformers configuration class when absent. */
        private int defaultContextTokens() {
            return switch (architecture) {
                case "LlamaForCausalLM" -> 2048;
                case "MistralForCausalLM", "MixtralForCausalLM", "GptOssForCausalLM" -> 131_072;
                case "DeepseekV3ForCausalLM" -> 4096;
                default -> 32_768;
            };
        }

        private SlidingWindow slidingWindow(int layers) {
            JsonNode layerTypes = root.get("layer_types");
            if (layerTypes != null && !layerTypes.isNull()) {
                if (!layerTypes.isArray() || layerTypes.size() != layers) {
                    throw new ModelConfigException("config file '" + file + "' field 'layer_types' must be a list of "
                            + layers + " entries (num_hidden_layers), got " + abbreviate(layerTypes) + ".");
                }
                List<LayerAttention> pattern = new ArrayList<>();
                for (JsonNode type : layerTypes) {
                    switch (type.asText()) {
                        case "sliding_attention" -> pattern.add(LayerAttention.SLIDING);
                        case "full_attention" -> pattern.add(LayerAttention.FULL);
                        default -> throw new ModelConfigException("config file '" + file + "' field 'layer_types' "
                                + "must hold only sliding_attention and full_attention, got " + type + ".");
                    }
                }
                if (!pattern.contains(LayerAttention.SLIDING)) {
                    return null;
                }
                return new SlidingWindow(positive("sliding_window"), pattern);
            }
            switch (architecture) {
                case "MistralForCausalLM", "MixtralForCausalLM" -> {
                    JsonNode window = root.get("sliding_window");
                    return window == null || window.isNull() ? null
                            : new SlidingWindow(positive("sliding_window"), List.of(LayerAttention.SLIDING));
                }
                case "Qwen2ForCausalLM", "Qwen3ForCausalLM", "Qwen3MoeForCausalLM" -> {
                    JsonNode window = root.get("sliding_window");
                    if (!bool("use_sliding_window", false) || window == null || window.isNull()) {
                        return null;
                    }
                    int fullLayers = Math.min(optionalInt("max_window_layers", layers), layers);
                    if (fullLayers >= layers) {
                        return null;
                    }
                    List<LayerAttention> pattern = new ArrayList<>();
                    for (int layer = 0; layer < layers; layer++) {
                        pattern.add(layer < fullLayers ? LayerAttention.FULL : LayerAttention.SLIDING);
                    }
                    return new SlidingWindow(positive("sliding_window"), pattern);
                }
                default -> {
                    return null;
                }
            }
        }

        private ModelPrecision precision() {
            String dtype = root.has("torch_dtype") ? text("torch_dtype", "bfloat16") : text("dtype", "bfloat16");
            String dtypeField = root.has("torch_dtype") ? "torch_dtype" : "dtype";
            Precision base = switch (dtype) {
                case "bfloat16" -> Precision.BF16;
                case "float16" -> Precision.FP16;
                case "float32" -> Precision.FP32;
                default -> throw new ModelConfigException("config file '" + file + "' field '" + dtypeField
                        + "' must be bfloat16, float16 or float32, got '" + dtype + "'.");
            };
            ModelPrecision precision = ModelPrecision.uniform(base);
            JsonNode quantization = root.get("quantization_config");
            if (quantization == null || quantization.isNull()) {
                return precision;
            }
            JsonNode method = quantization.get("quant_method");
            String name = method == null ? "" : method.asText();
            return switch (name) {
                case "fp8" -> new ModelPrecision(Precision.FP8, base, base, Map.of(TensorGroup.EMBEDDING, base,
                        TensorGroup.LM_HEAD, base, TensorGroup.NORMS, base, TensorGroup.ROUTER, base));
                case "mxfp4" -> precision.withOverride(TensorGroup.ROUTED_EXPERTS, Precision.MXFP4);
                default -> throw new ModelConfigException("config file '" + file + "' field "
                        + "'quantization_config.quant_method' must be fp8 or mxfp4, got "
                        + (method == null ? "nothing" : "'" + name + "'") + ".");
            };
        }

        private int headDim(int hidden, int heads, String headsField) {
            if (hidden % heads != 0) {
                throw new ModelConfigException("config file '" + file + "' field 'hidden_size' " + hidden
                        + " must be a multiple of '" + headsField + "' " + heads + " when 'head_dim' is absent.");
            }
            return hidden / heads;
        }

        private int positive(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                throw new ModelConfigException("config file '" + file + "' is missing required field '" + field
                        + "' for " + architecture + ".");
            }
            return positiveValue(field, node);
        }

        private int positiveEither(String field, String alias) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                node = root.get(alias);
                if (node == null || node.isNull()) {
                    throw new ModelConfigException("config file '" + file + "' is missing required field '" + field
                            + "' (or '" + alias + "') for " + architecture + ".");
                }
                return positiveValue(alias, node);
            }
            return positiveValue(field, node);
        }

        private int positiveValue(String field, JsonNode node) {
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
                throw new ModelConfigException("config file '" + file + "' field '" + field
                        + "' must be a positive integer, got " + abbreviate(node) + ".");
            }
            return node.intValue();
        }

        private int optionalPositive(String field, int fallback) {
            JsonNode node = root.get(field);
            return node == null || node.isNull() ? fallback : positiveValue(field, node);
        }

        private int optionalInt(String field, int fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
                throw new ModelConfigException("config file '" + file + "' field '" + field
                        + "' must be a non-negative integer, got " + abbreviate(node) + ".");
            }
            return node.intValue();
        }

        private boolean bool(String field, boolean fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw new ModelConfigException("config file '" + file + "' field '" + field
                        + "' must be true or false, got " + abbreviate(node) + ".");
            }
            return node.booleanValue();
        }

        private String text(String field, String fallback) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isTextual()) {
                throw new ModelConfigException("config file '" + file + "' field '" + field
                        + "' must be text, got " + abbreviate(node) + ".");
            }
            return node.asText();
        }

        private ModelConfigException unsupported(String field, JsonNode value, String supported) {
            return new ModelConfigException("config file '" + file + "' field '" + field + "' has unsupported value "
                    + abbreviate(value) + " for " + architecture + "; only " + supported + " is supported.");
        }

        private <T> T guard(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw new ModelConfigException("config file '" + file + "' describes an invalid model: "
                        + e.getMessage() + ".", e);
            }
        }

        private static String abbreviate(JsonNode node) {
            String text = node.toString();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }
    }
}
