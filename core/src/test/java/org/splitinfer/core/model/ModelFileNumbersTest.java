package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Model files and Hugging Face configs: integers read exactly, sizes within range, the context window read. */
class ModelFileNumbersTest {
    private static ModelSpec read(String text) {
        return ModelFileReader.read("tiny.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ModelSpec importJson(String json) {
        return HuggingFaceConfigImporter.importConfig("c/config.json", "c",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFractionalLayerCountIsRefusedNotTruncated() {
        // before: 32.9 layers became 32
        assertThatThrownBy(() -> read(ModelCatalogTest.TINY.replace("layers: 2", "layers: 2.9")))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' has an invalid value for key 'layers' at line 5; expected a whole"
                        + " number.");
    }

    @Test
    void aLayerCountPastAnIntIsRefusedInWords() {
        assertThatThrownBy(() -> read(ModelCatalogTest.TINY.replace("layers: 2", "layers: 4294967298")))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' has an invalid value for key 'layers' at line 5; expected a whole"
                        + " number in range.");
    }

    @Test
    void sizesPastWhatAnyModelHasAreRefusedSoParameterCountsCannotOverflow() {
        // 2^20 hidden × 2^22 vocabulary × 2^10 layers would overflow the long that counts parameters
        assertThatThrownBy(() -> read(ModelCatalogTest.TINY.replace("hidden_size: 64", "hidden_size: 1048576")))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' is invalid: model 'tiny' hidden_size must be from 1 to 65536, got"
                        + " 1048576.");
    }

    @Test
    void theContextWindowIsRequiredAndRead() {
        assertThat(read(ModelCatalogTest.TINY).contextWindowTokens()).isEqualTo(4096);
        assertThat(ModelCatalog.builtIn().get("llama-2-7b").contextWindowTokens()).isEqualTo(4096);
        assertThatThrownBy(() -> read(ModelCatalogTest.TINY.replace("context_window_tokens: 4096\n", "")))
                .hasMessage("model file 'tiny.yaml' is invalid: key 'context_window_tokens' is required.");
    }

    @Test
    void moreExpertsPerTokenThanExpertsIsTheFilesProblem() {
        // before: the MixtureOfExperts check escaped as an IllegalArgumentException, an internal failure
        assertThatThrownBy(() -> importJson("""
                {"architectures": ["MixtralForCausalLM"], "hidden_size": 64, "intermediate_size": 128,
                 "num_attention_heads": 4, "num_key_value_heads": 2, "num_hidden_layers": 2, "vocab_size": 100,
                 "num_local_experts": 2, "num_experts_per_tok": 3}
                """)).isInstanceOf(ModelConfigException.class)
                .hasMessage("config file 'c/config.json' describes an invalid model: moe experts_per_token 3 must not"
                        + " exceed routed_experts 2.");
    }

    @Test
    void theWindowIsMaxPositionEmbeddingsOrTheConfigurationClassDefault() {
        String llama = """
                {"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "intermediate_size": 128,
                 "num_attention_heads": 4, "num_hidden_layers": 2, "vocab_size": 100%s}
                """;

        assertThat(importJson(llama.formatted(", \"max_position_embeddings\": 8192")).contextWindowTokens())
                .isEqualTo(8192);
        // LlamaConfig's default max_position_embeddings
        assertThat(importJson(llama.formatted("")).contextWindowTokens()).isEqualTo(2048);
    }

    @Test
    void aKeyGivenTwiceInAConfigIsRefused() {
        assertThatThrownBy(() -> importJson("{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64,"
                + " \"hidden_size\": 128}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file c/config.json:1:73: key 'hidden_size' appears twice in one mapping; keep one");
    }
}
