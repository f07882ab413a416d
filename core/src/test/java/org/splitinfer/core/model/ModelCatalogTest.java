package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void builtInCatalogListsTheNineteenModelsSorted() {
        assertThat(CATALOG.ids()).containsExactly("bloom-176b", "deepseek-r1", "deepseek-v3", "gpt-3-175b",
                "gpt-oss-120b", "llama-2-13b", "llama-2-70b", "llama-2-7b", "llama-3.1-405b", "llama-3.1-70b",
                "llama-3.1-8b", "llama-3.2-1b", "llama-3.2-3b", "llama-3.3-70b", "mistral-7b", "mixtral-8x22b",
                "mixtral-8x7b", "qwen3-235b-a22b", "qwen3-32b");
    }

    @Test
    void everyModelNamesAnHttpsSource() {
        assertThat(CATALOG.models()).allSatisfy(model -> assertThat(model.source()).startsWith("https://"));
    }

    @Test
    void indexListsEveryYamlFileInTheResourceFolder() throws IOException, URISyntaxException {
        Path folder = Path.of(ModelCatalog.class.getResource("/org/splitinfer/core/models/index.txt").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<String> yaml = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml")).sorted().toList();
            assertThat(ModelCatalog.builtInFiles()).containsExactlyInAnyOrderElementsOf(yaml);
        }
    }

    @Test
    void unknownIdSuggestsTheNearestAndListsTheKnown() {
        assertThatThrownBy(() -> CATALOG.get("llama-3.1-8"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessage("unknown model 'llama-3.1-8'; did you mean 'llama-3.1-8b'? Known: " + String.join(", ",
                        CATALOG.ids()) + ".");
    }

    @Test
    void unknownIdFarFromEveryModelGetsNoSuggestion() {
        assertThatThrownBy(() -> CATALOG.get("falcon-180b-chat-extended"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageStartingWith("unknown model 'falcon-180b-chat-extended'. Known: bloom-176b, ");
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(CATALOG.get("Llama-3.1-8B").id()).isEqualTo("llama-3.1-8b");
    }

    @Test
    void resolveAcceptsAnIdAConfigDirectoryOrAConfigFile() throws URISyntaxException {
        Path directory = Path.of(getClass().getResource("hf/Llama-3.1-8B/config.json").toURI()).getParent();
        assertThat(CATALOG.resolve("llama-3.1-8b")).isSameAs(CATALOG.get("llama-3.1-8b"));
        assertThat(CATALOG.resolve(directory.toString()).id()).isEqualTo("llama-3.1-8b");
        assertThat(CATALOG.resolve(directory.resolve("config.json").toString()).totalParameters())
                .isEqualTo(8_030_261_248L);
    }

    @Test
    void resolveAcceptsAModelFileInTheCatalogSchema(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("tiny.yaml");
        Files.writeString(file, TINY, StandardCharsets.UTF_8);
        assertThat(CATALOG.resolve(file.toString()).id()).isEqualTo("tiny");
    }

    @Test
    void resolveOfANameThatIsNeitherIdNorPathIsUnknown() {
        assertThatThrownBy(() -> CATALOG.resolve("mixtral-8x7"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageStartingWith("unknown model 'mixtral-8x7'; did you mean 'mixtral-8x7b'?");
    }

    @Test
    void unknownKeyInAModelFileIsNamedWithASuggestion() {
        String text = TINY.replace("kv_heads: 2", "kv_head: 2");
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' has unknown key 'attention.kv_head'; "
                        + "did you mean 'kv_heads'?");
    }

    @Test
    void everyMissingOrInvalidKeyIsReportedAtOnce() {
        String text = TINY.replace("layers: 2\n", "").replace("norm: rms_norm", "norm: batch_norm")
                .replace("weights: bf16", "weights: fp5");
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' is invalid: key 'layers' is required; key 'norm' must be one of "
                        + "rms_norm, layer_norm, got 'batch_norm'; key 'precision.weights' names unknown format 'fp5' "
                        + "(" + ModelPrecision.validFormats() + ").");
    }

    @Test
    void wrongTypeNamesTheKeyAndTheExpectedType() {
        assertThatThrownBy(() -> read(TINY.replace("hidden_size: 64", "hidden_size: wide")))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' has an invalid value for key 'hidden_size' at line 4; "
                        + "expected a whole number.");
    }

    @Test
    void crossFieldRuleIsReportedWithTheFileName() {
        assertThatThrownBy(() -> read(TINY.replace("kv_heads: 2", "kv_heads: 3")))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'tiny.yaml' is invalid: attention query_heads 4 must be a multiple of "
                        + "kv_heads 3.");
    }

    private static ModelSpec read(String text) {
        return ModelFileReader.read("tiny.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static final String TINY = """
            id: tiny
            name: Tiny
            source: https://example.org/tiny
            hidden_size: 64
            layers: 2
            vocab_size: 100
            context_window_tokens: 4096
            tied_embeddings: true
            norm: rms_norm
            position_encoding: rotary
            attention:
              type: grouped_query
              query_heads: 4
              kv_heads: 2
              head_dim: 16
            mlp:
              gated: true
              intermediate_size: 128
            precision:
              weights: bf16
              activations: bf16
              kv: bf16
            """;

    @Test
    void aMissingFileIsNamedAsAFileNotAnUnknownId() {
        assertThatThrownBy(() -> ModelCatalog.builtIn().resolve("models/no-such/config.json"))
                .isInstanceOf(ModelConfigException.class)
                .hasMessage("model file 'models/no-such/config.json' does not exist; give a catalog id or the path of"
                        + " a config.json.");
    }
}
