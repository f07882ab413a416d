package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RooflineCommandTest {

    private static JsonNode json(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static double ridge(JsonNode roofline, String precision, String tier) {
        for (JsonNode ridge : roofline.get("ridgePoints")) {
            if (ridge.get("precision").asText().equals(precision) && ridge.get("tier").asText().equals(tier)) {
                return ridge.get("ridgeFlopsPerByte").asDouble();
            }
        }
        throw new AssertionError("no ridge point for " + precision + " over " + tier);
    }

    @Test
    void theRidgePointIsPeakOverBandwidthForEachFormatAndTier() throws Exception {
        JsonNode roofline = json("roofline", "--hardware", "h100-sxm", "--format", "json");

        // H100 SXM: 989.4e12 FLOP/s dense BF16 ÷ 3.35e12 B/s HBM = 295.34 FLOP/byte; FP8 1,978.9e12 ÷ 3.35e12 = 590.7
        assertThat(ridge(roofline, "bf16", "hbm")).isCloseTo(295.343, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(ridge(roofline, "fp8", "hbm")).isCloseTo(590.716, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(roofline.get("status").asText()).isEqualTo("SHIPPING");
    }

    @Test
    void gpuDecodeAtBatchOneIsMemoryBound() throws Exception {
        JsonNode roofline = json("roofline", "--hardware", "h100-sxm", "--model", "llama-3.1-8b", "--phase", "decode",
                "--context", "4096", "--format", "json");

        // one token reads every weight for 2 FLOPs per 2-byte weight: ~1.1 FLOP/byte ≪ 295 FLOP/byte
        double intensity = roofline.get("step").get("arithmeticIntensity").asDouble();
        assertThat(intensity).isLessThan(ridge(roofline, "bf16", "hbm"));
        for (JsonNode kernel : roofline.get("step").get("kernels")) {
            assertThat(kernel.get("bound").asText()).as(kernel.get("name").asText()).startsWith("memory");
        }
    }

    @Test
    void gpuPrefillOf4096TokensIsComputeBound() throws Exception {
        JsonNode roofline = json("roofline", "--hardware", "h100-sxm", "--model", "llama-3.1-8b", "--phase", "prefill",
                "--tokens", "4096", "--format", "json");

        // 4,096 rows per weight read: ~1,000 FLOP/byte over the step > 295 FLOP/byte
        double intensity = roofline.get("step").get("arithmeticIntensity").asDouble();
        assertThat(intensity).isGreaterThan(ridge(roofline, "bf16", "hbm"));
        JsonNode mlpUp = null;
        for (JsonNode kernel : roofline.get("step").get("kernels")) {
            if (kernel.get("name").asText().equals("mlp_up")) {
                mlpUp = kernel;
            }
        }
        assertThat(mlpUp).isNotNull();
        assertThat(mlpUp.get("bound").asText()).isEqualTo("compute");
        // attained throughput is below the BF16 peak
        assertThat(mlpUp.get("attainedFlopsPerSecond").asDouble()).isLessThan(989.4e12);
    }

    @Test
    void theSvgOfLlamaDecodeOnH100MatchesItsGoldenFile(@TempDir Path temp) throws Exception {
        Path svg = temp.resolve("roofline.svg");
        CliRun run = CliRun.of("roofline", "--hardware", "h100-sxm", "--model", "llama-3.1-8b", "--phase", "decode",
                "--context", "4096", "--out", svg.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        // five formats, three distinct peaks (fp32; bf16 = fp16; fp8 = int8, which share a roof and a label)
        // over two tiers (hbm, host): 3 ceilings and 3 × 2 ridges; the embedding has no FLOPs
        assertThat(count(text, "class=\"ceiling\"")).isEqualTo(3);
        assertThat(count(text, "class=\"ridge\"")).isEqualTo(6);
        assertThat(text).contains("data-precision=\"bf16, fp16\"").contains("data-precision=\"fp8, int8\"");
        assertThat(count(text, "class=\"kernel\"")).isEqualTo(11);
        Golden.assertMatches("roofline-h100-sxm-llama-3.1-8b-decode.svg", text);
    }

    @Test
    void anUnwritableOutputPathExitsTwoWithOneSentence(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-dir").resolve("roofline.svg");
        CliRun run = CliRun.of("roofline", "--hardware", "h100-sxm", "--out", missing.toString());

        // refused as the line is read, before any work
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: --out must name a file in a folder that exists, got '" + missing
                + "'; run 'splitinfer roofline --help' for usage\n");
    }

    @Test
    void aDirectoryAsTheOutputIsNamedInWords(@TempDir Path temp) {
        CliRun run = CliRun.of("roofline", "--hardware", "h100-sxm", "--out", temp.toString());

        // before: the move onto a directory failed as "DirectoryNotEmptyException", an exception's class name
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --out must name a file to write, got '" + temp + "', which is a"
                + " folder; run 'splitinfer roofline --help' for usage\n");
    }

    @Test
    void aStepWithoutAModelIsBadUsage() {
        CliRun run = CliRun.of("roofline", "--hardware", "h100-sxm", "--phase", "decode");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --model too");
    }

    @Test
    void theTableListsRidgePointsThenKernels() {
        CliRun run = CliRun.of("roofline", "--hardware", "groq-lpu-v1", "--model", "llama-2-70b", "--phase", "decode",
                "--precision", "int8", "--context", "2048");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ridge FLOP/B").contains("sram").contains("mlp_up");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
