package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of the numbers and files: each run here printed nonsense with exit 0, failed as "an
 * internal failure", or hung, before the limits and the one way of reading files.
 */
class NumbersAndFilesTest {
    private static void refusedInOneLine(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + expected + "\n");
    }

    @Test
    void aPoolWhoseChipsTimesInstancesPassTheLimitIsRefused() {
        // each flag is in range, their product is not: 1,024 × 1,025 = 1,049,600 > 2^20 = 1,048,576
        refusedInOneLine(CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1024", "--decode",
                        "h100-sxm:1", "--prefill-instances", "1025"),
                "chips × instances = 1024 × 1025 = 1,049,600 chips for the h100-sxm pool, more than the 1,048,576"
                        + " SplitInfer models in a pool; use fewer instances or chips");
    }

    @Test
    void aStepOfMoreNewTokensThanTheLimitIsRefused() {
        // 1,048,576 × 8,192 = 2^33 = 8,589,934,592 > 2^32 new tokens in one step
        refusedInOneLine(CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "prefill", "--batch", "1048576",
                        "--tokens", "8192", "--allow-long-context"),
                "--batch × --tokens = 8,589,934,592 new tokens in one step, more than the 4,294,967,296 SplitInfer"
                        + " models; lower --batch or --tokens; run 'splitinfer kernels --help' for usage");
    }

    @Test
    void anInputPastTheModelsWindowNeedsAllowLongContext() {
        // Llama 3.1's window is 131,072 tokens; 1,000,000 + 300 is past it
        refusedInOneLine(CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:8", "--input",
                        "1000000"),
                "--input + --output = 1,000,300 tokens exceed the 131,072-token context window of 'llama-3.1-8b';"
                        + " lower --input or --output, or set --allow-long-context");

        CliRun allowed = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:8", "--input",
                "1000000", "--allow-long-context");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void kernelsPastTheWindowNeedAllowLongContext() {
        CliRun run = CliRun.of("kernels", "--model", "llama-2-7b", "--phase", "decode", "--context", "8192");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --context + --tokens = 8,193 tokens exceed the 4,096-token context"
                + " window of 'llama-2-7b'; lower them or pass --allow-long-context");

        CliRun allowed = CliRun.of("kernels", "--model", "llama-2-7b", "--phase", "decode", "--context", "8192",
                "--allow-long-context");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void fitsDefaultContextStaysWithinAShortWindow() {
        // BLOOM's window is 2,048 tokens, under fit's default of 4,096: the default becomes the window
        CliRun run = CliRun.of("fit", "--model", "bloom-176b", "--hardware", "h100-sxm", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"contextTokens\" : 2048");
    }

    @Test
    void devZeroAsAPipelineIsRefusedRatherThanLoadedForever() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists on this system");

        refusedInOneLine(CliRun.of("estimate", "--model", "llama-3.1-8b", "--pipeline", "/dev/zero"),
                "--pipeline must name a file to read, got '/dev/zero', which is not a regular file (a device or a"
                        + " pipe); run 'splitinfer estimate --help' for usage");
    }

    @Test
    void aDirectoryAsAModelIsNamedInWords(@TempDir Path folder) {
        CliRun run = CliRun.of("fit", "--model", folder.toString(), "--hardware", "h100-sxm");
        assertThat(run.exitCode()).isEqualTo(2);
        // before: "java.io.IOException: Is a directory" (the folder has no config.json)
        assertThat(run.err()).isEqualTo("error: config file '" + folder.resolve("config.json") + "' does not exist;"
                + " check the path\n");
    }

    @Test
    void deploymentsNullOrEmptyAreRefused(@TempDir Path folder) throws IOException {
        Path none = Files.writeString(folder.resolve("null.yaml"), "deployments: null\n");
        Path empty = Files.writeString(folder.resolve("empty.yaml"), "deployments: []\n");

        // before: a NullPointerException (null) and an empty table with exit 0 ([])
        refusedInOneLine(CliRun.of("compare", "--deployments", none.toString()),
                none + ": 'deployments' must be a non-empty list of {name, args} (or {name, pipeline}), got nothing;"
                        + " list at least one deployment");
        refusedInOneLine(CliRun.of("compare", "--deployments", empty.toString()),
                empty + ": 'deployments' must be a non-empty list of {name, args} (or {name, pipeline}), got an"
                        + " empty list; list at least one deployment");
    }

    @Test
    void aDeploymentsFileWithARepeatedKeyIsRefused(@TempDir Path folder) throws IOException {
        Path twice = Files.writeString(folder.resolve("twice.yaml"), """
                deployments:
                  - name: a
                    args: "--hardware h100-sxm:8"
                    args: "--hardware h100-sxm:4"
                """);

        refusedInOneLine(CliRun.of("compare", "--deployments", twice.toString()),
                twice + ":4:9: key 'args' appears twice in one mapping; keep one");
    }

    @Test
    void aPipelineSyntaxErrorIsOneLine(@TempDir Path folder) throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.yaml"), "prefill: {hardware: h100-sxm\ndecode: x\n");

        // before: SnakeYAML's five-line report, caret and all
        refusedInOneLine(CliRun.of("estimate", "--model", "llama-3.1-8b", "--pipeline", broken.toString()),
                broken + ":2:7: expected ',' or '}', but got : (while parsing a flow mapping); fix the YAML syntax");
    }
}
