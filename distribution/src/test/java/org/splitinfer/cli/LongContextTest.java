package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Traffic past the model's context window: a simulation turns such requests away and counts them, as a server
 * refuses a prompt past its maximum length; a plan whose mean request is past the window is refused; and
 * {@code --allow-long-context} serves them everywhere. Before, the simulator and the planner served any length.
 */
class LongContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode simulate(String... extra) throws Exception {
        String[] base = {"simulate", "--model", "llama-2-7b", "--hardware", "h100-sxm:1", "--workload", "code",
                "--rate", "2", "--requests", "500", "--format", "json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void aSimulationTurnsAwayRequestsPastTheWindowAndCountsThem() throws Exception {
        // Llama 2's window is 4,096 tokens; the Azure code trace has prompts past it
        JsonNode strict = simulate();
        JsonNode allowed = simulate("--allow-long-context");

        long rejected = strict.get("rejectedByReason").get("context_window_exceeded").asLong();
        assertThat(rejected).isPositive();
        assertThat(strict.get("rejected").asLong()).isEqualTo(rejected);
        assertThat(strict.get("completed").asLong() + rejected).isEqualTo(500);
        assertThat(allowed.get("rejected").asLong()).isZero();
        assertThat(allowed.get("completed").asLong()).isEqualTo(500);
    }

    @Test
    void aPlanWhoseMeanRequestIsPastTheWindowIsRefused() {
        // BLOOM's window is 2,048 tokens; the code trace's mean prompt and mean answer, rounded, add up to 2,076
        CliRun run = CliRun.of("plan", "--model", "bloom-176b", "--workload", "code", "--rate", "1", "--hardware",
                "h100-sxm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: the workload's mean request has 2,076 prompt and answer tokens, more"
                + " than the 2,048-token context window of 'bloom-176b'; choose a model with a longer window or a"
                + " workload of shorter requests, or set --allow-long-context\n");
    }

    @Test
    void compareSimulatesALongContextItWasAllowed() throws Exception {
        // 8,000 + 300 tokens on a 4,096-token window: once allowed for the estimate, the row's simulation must
        // serve the same requests rather than turn every one away
        CliRun run = CliRun.of("compare", "--model", "llama-2-7b", "--input", "8000", "--allow-long-context",
                "--deployment", "--hardware h100-sxm:8", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"ttftP90Seconds\"");
        JsonNode simulated = JSON.readTree(run.out()).findValue("simulated");
        assertThat(simulated.get("ttftP90Seconds").asDouble()).isPositive();
    }
}
