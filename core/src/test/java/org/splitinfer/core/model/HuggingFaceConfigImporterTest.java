package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.spi.Precision;

class HuggingFaceConfigImporterTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void llama31ConfigLoadsToTheCatalogEntry() throws URISyntaxException {
        assertImportsAs("hf/Llama-3.1-8B/config.json", "llama-3.1-8b");
    }

    @Test
    void mixtralConfigLoadsToTheCatalogEntry() throws URISyntaxException {
        assertImportsAs("hf/Mixtral-8x7B-v0.1/config.json", "mixtral-8x7b");
    }

    @Test
    void deepSeekV3ConfigLoadsToTheCatalogEntryWithItsFp8Weights() throws URISyntaxException {
        ModelSpec imported = assertImportsAs("hf/DeepSeek-V3/config.json", "deepseek-v3");
        assertThat(imported.nativePrecision().weightsOf(TensorGroup.ROUTED_EXPERTS)).isEqualTo(Precision.FP8);
        assertThat(imported.nativePrecision().weightsOf(TensorGroup.EMBEDDING)).isEqualTo(Precision.BF16);
    }

    @Test
    void gptOssConfigLoadsToTheCatalogEntryWithItsWindowsAndMxfp4Experts() throws URISyntaxException {
        ModelSpec imported = assertImportsAs("hf/gpt-oss-120b/config.json", "gpt-oss-120b");
        assertThat(imported.slidingLayers()).isEqualTo(18);
        assertThat(imported.nativePrecision().weightsOf(TensorGroup.ROUTED_EXPERTS)).isEqualTo(Precision.MXFP4);
    }

    @Test
    void idComesFromTheFolderHoldingConfigJson() throws URISyntaxException {
        assertThat(HuggingFaceConfigImporter.importConfig(resource("hf/Mixtral-8x7B-v0.1/config.json")).id())
                .isEqualTo("mixtral-8x7b-v0.1");
    }

    @Test
    void malformedJsonIsOneSentenceNamingTheFileAndPosition() {
        assertThatThrownBy(() -> importText("{\n  \"hidden_size\": 4096,\n  \"layers\" 32\n}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file broken/config.json:3:12: Unexpected character ('3' (code 51)): was expecting a"
                        + " colon to separate field name and value; fix the JSON syntax");
    }

    @Test
    void unsupportedArchitectureNamesTheSupportedOnes() {
        assertThatThrownBy(() -> importText("{\"architectures\": [\"GPT2LMHeadModel\"], \"n_embd\": 768}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file 'broken/config.json' has unsupported architectures value 'GPT2LMHeadModel'; "
                        + "supported architectures are BloomForCausalLM, DeepseekV3ForCausalLM, GptOssForCausalLM, "
                        + "LlamaForCausalLM, MistralForCausalLM, MixtralForCausalLM, Qwen2ForCausalLM, Qwen3ForCausalLM "
                        + "and Qwen3MoeForCausalLM.");
    }

    @Test
    void missingFieldIsNamedWithTheArchitecture() {
        assertThatThrownBy(() -> importText("{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 4096, "
                + "\"intermediate_size\": 14336}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file 'broken/config.json' is missing required field 'num_attention_heads' "
                        + "for LlamaForCausalLM.");
    }

    @Test
    void missingArchitecturesListsTheSupportedOnes() {
        assertThatThrownBy(() -> importText("{\"hidden_size\": 4096}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessageStartingWith("config file 'broken/config.json' is missing required field 'architectures'; "
                        + "supported architectures are BloomForCausalLM,");
    }

    @Test
    void wrongTypeNamesFieldAndValue() {
        assertThatThrownBy(() -> importText("{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": \"big\"}"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file 'broken/config.json' field 'hidden_size' must be a positive integer, "
                        + "got \"big\".");
    }

    @Test
    void absentFileIsNamed(@TempDir Path folder) {
        Path missing = folder.resolve("nothing.json");
        assertThatThrownBy(() -> HuggingFaceConfigImporter.importConfig(missing))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("config file '" + missing + "' does not exist; check the path");
    }

    @Test
    void qwen2ConfigGetsQkvBiasesAndBloomConfigGetsLayerNormsAndTiedEmbeddings(@TempDir Path folder)
            throws IOException {
        Path qwen = folder.resolve("qwen2.json");
        Files.writeString(qwen, """
                {"architectures": ["Qwen2ForCausalLM"], "hidden_size": 896, "intermediate_size": 4864,
                 "num_attention_heads": 14, "num_hidden_layers": 24, "num_key_value_heads": 2,
                 "tie_word_embeddings": true, "torch_dtype": "bfloat16", "use_sliding_window": false,
                 "sliding_window": 32768, "max_window_layers": 21, "vocab_size": 151936}
                """);
        ModelSpec qwen2 = HuggingFaceConfigImporter.importConfig(qwen);
        // Qwen2.5-0.5B: 494,032,768 parameters (its model card says 0.49B)
        assertThat(qwen2.totalParameters()).isEqualTo(494_032_768L);
        assertThat(qwen2.slidingWindow()).isNull();

        Path bloom = folder.resolve("bloom.json");
        Files.writeString(bloom, """
                {"architectures": ["BloomForCausalLM"], "n_embed": 14336, "n_layer": 70, "num_attention_heads": 112,
                 "vocab_size": 250880, "torch_dtype": "bfloat16"}
                """);
        assertThat(HuggingFaceConfigImporter.importConfig(bloom).withIdentity("bloom-176b", "BLOOM 176B",
                CATALOG.get("bloom-176b").source())).isEqualTo(CATALOG.get("bloom-176b"));
    }

    private static ModelSpec assertImportsAs(String resourceName, String catalogId) throws URISyntaxException {
        ModelSpec expected = CATALOG.get(catalogId);
        ModelSpec imported = HuggingFaceConfigImporter.importConfig(resource(resourceName));
        assertThat(imported.withIdentity(expected.id(), expected.name(), expected.source())).isEqualTo(expected);
        return imported;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HuggingFaceConfigImporterTest.class.getResource(name).toURI());
    }

    private static ModelSpec importText(String json) {
        return HuggingFaceConfigImporter.importConfig("broken/config.json", "broken",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
