package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a deployment spelled as flags is read, and how core's field-named errors come back as flags. */
class DeploymentFlagsTest {

    @Test
    void aZeroIsRefusedWithTheWordThatSpellsWhatItOnceMeant() {
        // --tp 0 once meant auto, --concurrency 0 offline: zero is refused, and the sentence names the word
        assertThat(estimate("--hardware", "h100-sxm:8", "--tp", "0").err()).isEqualTo("error: --tp must be auto (the"
                + " tool's choice) or a whole number from 1 to 1,048,576, got '0'; run 'splitinfer estimate --help'"
                + " for usage\n");
        assertThat(estimate("--hardware", "h100-sxm:8", "--concurrency", "0").err()).isEqualTo("error: --concurrency"
                + " must be a whole number of requests from 1 to 1,048,576, or offline for an unlimited backlog, got"
                + " '0'; run 'splitinfer estimate --help' for usage\n");
        assertThat(estimate("--hardware", "h100-sxm:0").err()).isEqualTo("error: --hardware must be HW:N with N a"
                + " whole number of chips from 1 to 1,048,576, or HW:auto for the tool's choice, got 'h100-sxm:0';"
                + " run 'splitinfer estimate --help' for usage\n");
        assertThat(estimate("--prefill", "h100-sxm:8", "--decode", "h100-sxm:8", "--decode-instances", "0").err())
                .isEqualTo("error: --decode-instances must be a whole number of instances from 1 to 1,048,576, got '0';"
                        + " run 'splitinfer estimate --help' for usage\n");
    }

    @Test
    void autoAndOfflineAreSpelledOut() throws Exception {
        CliRun auto = estimate("--hardware", "h100-sxm:8", "--tp", "auto", "--pp", "auto", "--format", "json");
        CliRun chosen = estimate("--hardware", "h100-sxm:8", "--format", "json");
        CliRun offline = estimate("--hardware", "h100-sxm:8", "--concurrency", "offline", "--format", "json");
        CliRun flag = estimate("--hardware", "h100-sxm:8", "--offline", "--format", "json");

        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.out()).isEqualTo(chosen.out());
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.out()).isEqualTo(flag.out());
        // offline batches as large as memory allows: more than the one request in flight of the default
        assertThat(new ObjectMapper().readTree(offline.out()).get("concurrency").asInt()).isGreaterThan(1);
    }

    @Test
    void thePrecisionOfEveryPoolIsRefusedWhenEachPoolHasItsOwn() {
        CliRun run = estimate("--prefill", "h100-sxm:8", "--decode", "h100-sxm:8", "--precision", "fp8",
                "--prefill-precision", "bf16", "--decode-precision", "fp8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --precision would be ignored: --prefill-precision and"
                + " --decode-precision set the formats of both pools; drop one of the three\n");
    }

    @Test
    void aFlagGivenTwiceIsOneSentence() {
        CliRun run = estimate("--hardware", "h100-sxm:8", "--input", "100", "--hardware", "h100-sxm:4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: option '--hardware' (HW:N) should be specified only once; run"
                + " 'splitinfer estimate --help' for usage\n");
    }

    @Test
    void aColocatedFlagOnASplitDeploymentIsRefusedRatherThanIgnored() {
        CliRun run = estimate("--prefill", "h100-sxm:8", "--decode", "h100-sxm:8", "--tp", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --tp belong to a colocated deployment (--hardware); a split one takes"
                + " --prefill-instances, --prefill-tp, --prefill-pp and their --decode-* counterparts\n");
    }

    @Test
    void aSplitFlagOnAColocatedDeploymentIsRefusedRatherThanIgnored() {
        CliRun run = estimate("--hardware", "h100-sxm:8", "--prefill-tp", "4", "--link", "roce-400g");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --prefill-tp, --link belong to a split deployment (--prefill and"
                + " --decode); a colocated pool takes --instances, --tp, --pp and --precision\n");
    }

    @Test
    void poolFlagsBesideAPipelineFileAreRefusedRatherThanIgnored(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("pipeline.yaml");
        Files.writeString(file, "colocated: {hardware: h100-sxm, chips: 8}\n");

        CliRun run = estimate("--pipeline", file.toString(), "--tp", "4", "--precision", "fp4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --pipeline FILE describes the whole deployment, so --tp, --precision"
                + " would be ignored; write them in the file instead\n");
    }

    @Test
    void coreNamesTheFieldAndTheToolWritesTheFlag() {
        // core: "decode.tp = 6 does not split the 64 attention heads ..."; the user typed --decode-tp
        CliRun run = estimate("--prefill", "h100-sxm:8", "--decode", "h100-sxm:6", "--decode-tp", "6");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --decode-tp = 6 does not split the 64 attention heads of"
                + " 'llama-3.1-70b' and its 8 KV heads; use one of 1, 2, 4, 8, 16, 32, 64\n");
    }

    @Test
    void aPipelineFileReadsItsOwnKeysInTheMessage(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("pipeline.yaml");
        Files.writeString(file, "prefill: {hardware: h100-sxm, chips: 8}\ndecode: {hardware: h100-sxm, chips: 6,"
                + " tp: 6}\n");

        CliRun run = estimate("--pipeline", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: decode.tp = 6 does not split the 64 attention heads");
    }

    @Test
    void aChipCountNoLayoutRunsNamesTheNearestCountsThatDo() {
        // llama-3.1-70b at INT8 fits 387 LPUs and more (184e6 bytes of each chip's SRAM hold weights and KV). 397 is
        // prime and above the 80 layers; tensor degrees that split 64 heads (8 KV heads) are 1, 2, 4, ... 64, so the
        // nearest counts that run are 392 = 8 × 49 and 400 = 8 × 50 (396 = 4 × 99 and 398 = 2 × 199 exceed the
        // layers); 384 = 8 × 48 runs but cannot hold the model, so it is not suggested
        CliRun run = estimate("--hardware", "groq-lpu-v1:397", "--precision", "int8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: no layout of 397 'groq-lpu-v1' chips runs 'llama-3.1-70b'")
                .endsWith("; set the N of --hardware HW:N to 392 or 400\n");
    }

    private static CliRun estimate(String... deployment) {
        String[] args = new String[deployment.length + 3];
        args[0] = "estimate";
        args[1] = "--model";
        args[2] = "llama-3.1-70b";
        System.arraycopy(deployment, 0, args, 3, deployment.length);
        return CliRun.of(args);
    }
}
