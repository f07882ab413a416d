package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a deployment spelled as flags is read, and how core's field-named errors come back as flags. */
class DeploymentFlagsTest {

    @Test
    void aCountOfZeroIsRefusedNotReadAsAuto() {
        for (String[] args : new String[][] {
                {"--hardware", "h100-sxm:8", "--tp", "0"},
                {"--prefill", "h100-sxm:8", "--decode", "h100-sxm:8", "--decode-instances", "0"},
                {"--hardware", "h100-sxm:8", "--concurrency", "0"}}) {
            CliRun run = estimate(args);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("expected a whole number from 1 to 2147483647, got '0'");
            assertThat(run.err().strip().lines()).hasSize(1);
        }
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
        // llama-3.1-70b at INT8 fits 343 LPUs and more. 347 is prime and above the 80 layers; tensor degrees that
        // split 64 heads (8 KV heads) are 1, 2, 4, ... 64, so the nearest counts that run are 344 = 8 × 43 and
        // 352 = 16 × 22 (348 = 4 × 87 and 350 = 2 × 175 exceed the layers)
        CliRun run = estimate("--hardware", "groq-lpu-v1:347", "--precision", "int8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: no layout of 347 'groq-lpu-v1' chips runs 'llama-3.1-70b'")
                .endsWith("; set the N of --hardware HW:N to 344 or 352\n");
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
