package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

    @Test
    void jsonListsTheNineteenCatalogModelsSortedById() throws Exception {
        CliRun run = CliRun.of("models", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out());
        List<String> ids = new ArrayList<>();
        array.forEach(model -> ids.add(model.get("id").asText()));
        assertThat(ids).containsExactly("bloom-176b", "deepseek-r1", "deepseek-v3", "gpt-3-175b", "gpt-oss-120b",
                "llama-2-13b", "llama-2-70b", "llama-2-7b", "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b",
                "llama-3.2-1b", "llama-3.2-3b", "llama-3.3-70b", "mistral-7b", "mixtral-8x22b", "mixtral-8x7b",
                "qwen3-235b-a22b", "qwen3-32b");
    }

    @Test
    void jsonGivesParametersLayersAndKvBytesPerTokenPerFormat() throws Exception {
        JsonNode array = new ObjectMapper().readTree(CliRun.of("models", "--format", "json").out());
        JsonNode llama = null;
        for (JsonNode model : array) {
            if (model.get("id").asText().equals("llama-2-7b")) {
                llama = model;
            }
        }

        assertThat(llama).isNotNull();
        assertThat(llama.get("totalParameters").asLong()).isEqualTo(6_738_415_616L);
        assertThat(llama.get("activeParameters").asLong()).isEqualTo(6_738_415_616L);
        assertThat(llama.get("layers").asInt()).isEqualTo(32);
        // Llama 2's max_position_embeddings
        assertThat(llama.get("contextWindowTokens").asInt()).isEqualTo(4096);
        // 32 layers × 2 (K and V) × 32 heads × 128 × 2 bytes = 524,288; at one byte 262,144
        assertThat(llama.get("kvBytesPerToken").get("bf16").asDouble()).isEqualTo(524_288.0);
        assertThat(llama.get("kvBytesPerToken").get("fp8").asDouble()).isEqualTo(262_144.0);
        assertThat(llama.get("source").asText()).startsWith("https://");
    }

    @Test
    void csvHasAHeaderAndOneLinePerModel() {
        CliRun run = CliRun.of("models", "--format", "csv");

        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("id,name,parameters,active_parameters,layers,kv_bytes_per_token_bf16,"
                + "kv_bytes_per_token_fp8,sliding_layers,native_formats,source");
        assertThat(lines).hasSize(20);
        // plain numbers: llama-3.1-8b's 8,030,261,248 parameters and 131,072 KV bytes per token at bf16
        assertThat(lines).anyMatch(line -> line.startsWith("llama-3.1-8b,Llama 3.1 8B,8030261248,8030261248,32,131072,"
                + "65536,"));
    }

    @Test
    void aMixtureOfExpertsHasFewerActiveThanTotalParametersInTheTable() {
        CliRun run = CliRun.of("models");

        assertThat(run.exitCode()).isZero();
        // 46,702,792,704 total and 12,879,925,248 active parameters, in billions to three digits
        assertThat(run.out().lines().filter(line -> line.startsWith("mixtral-8x7b ")).findFirst().orElseThrow())
                .contains("46.7 B").contains("12.9 B");
    }
}
