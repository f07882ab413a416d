package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated tests run ten thousand lines through one command line; a flag of one line must not leak into the
 * next (picocli resets options to their defaults before each parse, which option groups once defeated).
 */
class ReusedCommandLineTest {

    @Test
    void aReusedCommandLinePrintsWhatAFreshOneDoes() {
        List<List<String>> lines = List.of(
                List.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--concurrency", "4",
                        "--tp", "1", "--input", "100", "--format", "json"),
                List.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1"),
                List.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "h100-sxm:1",
                        "--offline"),
                List.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "h100-sxm:1"),
                List.of("kernels", "--model", "llama-3.1-8b", "--phase", "prefill", "--tokens", "64", "--tp", "2"),
                List.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode"),
                List.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "5",
                        "--seed", "3", "--workload", "batch"),
                List.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "5"),
                List.of("hardware", "--plugins", "/nonexistent"),
                List.of("hardware", "--format", "csv"));
        ReusedCommandLine reused = new ReusedCommandLine(Map.of());

        for (List<String> line : lines) {
            CliRun again = reused.run(line);
            CliRun fresh = CliRun.of(line.toArray(String[]::new));

            assertThat(again).as("%s", line).isEqualTo(fresh);
        }
    }
}
