package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelsCommandTest {

    private static JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void jsonHasKernelsCollectivesTotalsKvBytesAndIntensity() throws Exception {
        JsonNode step = json("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--context", "4096", "--tp",
                "2", "--format", "json");

        List<String> keys = new ArrayList<>();
        step.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("kernels", "collectives", "totalFlops", "totalBytes", "kvBytesPerToken",
                "arithmeticIntensity");
        assertThat(step.get("kernels").get(0).get("name").asText()).isEqualTo("embedding");
        assertThat(step.get("kernels").get(0).has("bytesRead")).isTrue();
        // tensor parallelism of 2: attention and MLP all-reduces over 2 chips
        assertThat(step.get("collectives").findValuesAsText("name")).contains("attention all-reduce");
        // 32 layers × 2 × 8 KV heads × 128 × 2 bytes
        assertThat(step.get("kvBytesPerToken").asDouble()).isEqualTo(131_072.0);
        assertThat(step.get("arithmeticIntensity").asDouble())
                .isEqualTo(step.get("totalFlops").asDouble() / step.get("totalBytes").asDouble());
    }

    @Test
    void decodeAtBatchOneReadsEveryWeightOnceAndDoesAboutOneFlopPerByte() throws Exception {
        JsonNode step = json("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--context", "4096",
                "--format", "json");

        // one token: 2 FLOPs per weight read at 2 bytes each → about 1 FLOP per byte, plus the KV-cache reads
        assertThat(step.get("arithmeticIntensity").asDouble()).isBetween(0.9, 1.2);
        // weights read: every parameter but the embedding table (a lookup reads one 4,096-wide row):
        // (8,030,261,248 − 128,256 × 4,096 + 4,096) × 2 bytes = 7,504,928,768 × 2 = 15,009,857,536 bytes
        assertThat(step.get("bytesRead").get("weights").asDouble()).isEqualTo(15_009_857_536.0);
    }

    @Test
    void aPrefillOf4096TokensDoesAboutAThousandFlopsPerByte() throws Exception {
        JsonNode step = json("kernels", "--model", "llama-3.1-8b", "--phase", "prefill", "--tokens", "4096",
                "--format", "json");

        assertThat(step.get("newTokens").asLong()).isEqualTo(4096);
        assertThat(step.get("arithmeticIntensity").asDouble()).isGreaterThan(500);
    }

    @Test
    void theTableEndsWithTotals() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "prefill", "--batch", "2",
                "--tokens", "512", "--context", "128");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("qkv_proj").contains("FLOP/B").contains("KV cache per token");
    }

    @Test
    void aPrecisionOverridesTheNativeFormats() throws Exception {
        JsonNode step = json("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--precision",
                "weights=fp4,activations=fp8,kv=fp8", "--format", "json");

        assertThat(step.get("precision").asText()).isEqualTo("weights=nvfp4,activations=fp8,kv=fp8");
        assertThat(step.get("kvBytesPerToken").asDouble()).isEqualTo(65_536.0);
    }

    @Test
    void anUnknownModelExitsTwoWithOneSentenceListingTheKnownOnes() {
        CliRun run = CliRun.of("kernels", "--model", "nope", "--phase", "decode");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: unknown model 'nope'. Known: bloom-176b, deepseek-r1, deepseek-v3,"
                + " gpt-3-175b, gpt-oss-120b, llama-2-13b, llama-2-70b, llama-2-7b, llama-3.1-405b, llama-3.1-70b,"
                + " llama-3.1-8b, llama-3.2-1b, llama-3.2-3b, llama-3.3-70b, mistral-7b, mixtral-8x22b, mixtral-8x7b,"
                + " qwen3-235b-a22b, qwen3-32b.\n");
    }

    @Test
    void anUnknownPrecisionFormatExitsTwoNamingItAndTheValidOnes() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--precision",
                "weights=fp5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: precision 'weights=fp5' names unknown format 'fp5'; valid formats"
                + " are fp32, bf16, fp16, fp8, int8, nvfp4 (alias fp4), mxfp4, int4, bfp8 and bfp4.\n");
    }

    @Test
    void anUnknownPhaseExitsTwoNamingTheValidOnes() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "middle");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).isEqualTo("error: --phase must be one of prefill, decode, got 'middle'; run"
                + " 'splitinfer kernels --help' for usage\n");
    }

    @Test
    void decodeTakesOneNewTokenPerSequence() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--tokens", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --tokens must be 1 or left out for --phase decode (a decode step"
                + " brings one new token per sequence), got 4; use --phase prefill for 4 new tokens; run"
                + " 'splitinfer kernels --help' for usage\n");
        assertThat(CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--tokens", "1").exitCode())
                .isZero();
    }

    @Test
    void prefillNeedsItsNewTokens() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "prefill");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--tokens is required for --phase prefill");
    }

    @Test
    void moreStagesThanLayersIsBadInput() {
        CliRun run = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--pp", "40");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --pp 40 exceeds the 32 layers of model 'llama-3.1-8b'");
    }

    @Test
    void aMalformedConfigJsonExitsTwoNamingTheFile(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("config.json");
        Files.writeString(config, "{\"hidden_size\": 4096,\n");

        CliRun run = CliRun.of("kernels", "--model", config.toString(), "--phase", "decode");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: config file " + config + ":2:1: ").endsWith("; fix the JSON syntax\n");
    }

    @Test
    void aHuggingFaceConfigJsonIsAModel() {
        Path config = Path.of("../core/src/test/resources/org/splitinfer/core/model/hf/Llama-3.1-8B/config.json");

        CliRun run = CliRun.of("kernels", "--model", config.toString(), "--phase", "decode", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("kernel,kind,count,precision,flops,");
    }

    @Test
    void anUnsupportedArchitectureExitsTwoListingTheSupportedOnes(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("config.json");
        Files.writeString(config, "{\"architectures\": [\"GPT2LMHeadModel\"], \"n_embd\": 768}\n");

        CliRun run = CliRun.of("fit", "--model", config.toString(), "--hardware", "h100-sxm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(config.toString()).contains("GPT2LMHeadModel").contains("LlamaForCausalLM");
    }
}
