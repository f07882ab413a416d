package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
    private static final List<String> KEYS = List.of("ttftSeconds", "tpotSeconds", "outputTokensPerSecond",
            "outputTokensPerSecondPerUser", "tokensPerJoule", "usdPerMillionTokens", "kvTransferSeconds", "chips");

    @ParameterizedTest
    @ValueSource(strings = {
            "--prefill h100-sxm:8 --decode groq-lpu-v1:auto",
            "--prefill h100-sxm:8 --decode cerebras-wse3:auto",
            "--prefill h100-sxm:8 --decode sambanova-sn40l:16",
            "--prefill trainium2:16 --decode cerebras-wse3:auto",
            "--hardware tt-wormhole-galaxy:32"})
    void jsonHasEveryKeyFiniteAndPositive(String deployment) throws Exception {
        List<String> args = new ArrayList<>(List.of("estimate", "--model", "llama-3.1-70b", "--format", "json"));
        args.addAll(List.of(deployment.split(" ")));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        boolean colocated = deployment.startsWith("--hardware");
        for (String key : KEYS) {
            double value = json.get(key).asDouble();
            assertThat(value).as(key).isFinite();
            if (key.equals("kvTransferSeconds") && colocated) {
                assertThat(value).as(key).isZero();
            } else {
                assertThat(value).as(key).isPositive();
            }
        }
        assertThat(json.get("assumptions").size()).isPositive();
        assertThat(json.get("phases").size()).isEqualTo(colocated ? 1 : 2);
        assertThat(json.get("phases").get(0).get("tensorParallel").asInt()).isPositive();
    }

    @Test
    void theTableListsThePhasesTheMetricsAndEveryAssumption() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("colocated", "TTFT", "TPOT", "tokens/J", "$/Mtok", "assumptions:",
                "figures rest on: h100-sxm: shipping");
    }

    @Test
    void aPrecisionTheChipCannotRunExitsTwoWithWhatItRuns() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "groq-lpu-v1:auto",
                "--precision", "bf16");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: groq-lpu-v1 cannot compute in bf16; it runs [fp16, int8]: choose one"
                + " of those with --precision\n");
    }

    @Test
    void fp8WeightsRunOnABf16OnlyChipAsAWeightOnlyFormat() throws Exception {
        // SN40L computes BF16 only; FP8 weights are a storage format that dequantizes into BF16
        CliRun run = CliRun.of("estimate", "--model", "deepseek-r1", "--hardware", "sambanova-sn40l:16",
                "--precision", "weights=fp8,activations=bf16,kv=bf16", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : List.of("ttftSeconds", "tpotSeconds", "outputTokensPerSecond",
                "outputTokensPerSecondPerUser")) {
            assertThat(json.get(key).asDouble()).as(key).isFinite().isPositive();
        }
        assertThat(json.get("chips").asInt()).isEqualTo(16);
    }

    @Test
    void activationsInAFormatTheChipCannotComputeAreStillRefusedInOneLine() {
        CliRun run = CliRun.of("estimate", "--model", "deepseek-r1", "--hardware", "sambanova-sn40l:16",
                "--precision", "weights=fp8,activations=fp8,kv=bf16");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: sambanova-sn40l cannot compute in fp8; it runs [bf16]: choose one of"
                + " those with --precision\n");
    }

    @Test
    void aMalformedPoolExitsTwo() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --hardware must be HW:N or HW:auto (e.g. h100-sxm:8), got 'h100-sxm';"
                + " run 'splitinfer estimate --help' for usage\n");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aSplitPipelineNeedsBothPools() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: a deployment needs --hardware HW:N (colocated) or both --prefill HW:N"
                + " and --decode HW:N (split)\n");
    }

    @Test
    void anUnknownLinkSuggestsTheClosest() {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode",
                "h100-sxm:1", "--link", "ethernet-400");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown --link 'ethernet-400'; did you mean 'ethernet-400g'?");
    }

    @Test
    void aPipelineFileGivesTheSameEstimateAsTheOptions(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("pipeline.yaml"), """
                prefill: {hardware: h100-sxm, chips: 8, precision: fp8}
                decode: {hardware: groq-lpu-v1, chips: auto, precision: int8}
                """);

        CliRun fromFile = CliRun.of("estimate", "--model", "llama-3.1-70b", "--pipeline", file.toString(),
                "--format", "json");
        CliRun fromOptions = CliRun.of("estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8",
                "--prefill-precision", "fp8", "--decode", "groq-lpu-v1:auto", "--decode-precision", "int8",
                "--format", "json");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(fromOptions.out());
    }

    @Test
    void aPipelineFileAndPoolOptionsTogetherAreRefused(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("pipeline.yaml"), "colocated: {hardware: h100-sxm}\n");

        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--pipeline", file.toString(), "--hardware",
                "h100-sxm:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: give either --pipeline FILE or the pools as options, not both\n");
    }
}
