package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDefaultPlanRanksSplitsOfDifferentChipsAndNamesAWinnerThatSimulateReproduces(@TempDir Path temp)
            throws Exception {
        Path winner = temp.resolve("winner.yaml");
        CliRun run = CliRun.of("plan", "--format", "json", "--emit", winner.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.get("model").asText()).isEqualTo("llama-3.1-70b");
        assertThat(plan.get("workload").asText()).isEqualTo("chat");
        assertThat(plan.get("requestsPerSecond").asDouble()).isEqualTo(50.0);
        assertThat(plan.get("candidates").size()).isGreaterThan(1);
        boolean heterogeneous = false;
        for (JsonNode candidate : plan.get("candidates")) {
            heterogeneous |= candidate.get("pipeline").asText().equals("split")
                    && !candidate.get("prefillHardware").asText().equals(candidate.get("decodeHardware").asText());
            // no projected part competes unless asked
            for (JsonNode status : candidate.get("chipStatus")) {
                assertThat(status.get("status").asText()).isNotEqualTo("projected");
            }
        }
        assertThat(heterogeneous).as("a split pipeline with different chips for the two phases").isTrue();
        JsonNode best = plan.get("winner");
        assertThat(best.get("verified").asBoolean()).isTrue();
        assertThat(best.get("meets").asBoolean()).isTrue();
        assertThat(best.get("sloAttainment").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(plan.get("paretoFront").size()).isPositive();

        // the emitted pipeline, simulated with the plan's workload, rate, requests and seed, gives the same figures
        CliRun replay = CliRun.of("simulate", "--model", "llama-3.1-70b", "--pipeline", winner.toString(),
                "--workload", "chat", "--rate", "50", "--requests", "10000", "--seed", "1", "--format", "json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode simulated = JSON.readTree(replay.out());
        assertThat(simulated.get("ttftSeconds").get("p90").asDouble())
                .isCloseTo(best.get("ttftP90Seconds").asDouble(), within(0.05 * best.get("ttftP90Seconds").asDouble()));
        assertThat(simulated.get("usdPerMillionTokens").asDouble()).isCloseTo(
                best.get("usdPerMillionTokens").asDouble(), within(0.05 * best.get("usdPerMillionTokens").asDouble()));
        assertThat(simulated.get("sloAttainment").asDouble()).isCloseTo(best.get("sloAttainment").asDouble(),
                within(0.05));
    }

    @Test
    void aSpeculativePlanDecodesWithItsDraftAndItsWinnerReplaysWithTheFlag(@TempDir Path temp) throws Exception {
        Path winner = temp.resolve("winner.yaml");
        CliRun plain = CliRun.of("plan", "--hardware", "h100-sxm,h200-sxm", "--rate", "5", "--requests", "2000",
                "--format", "json");
        CliRun speculative = CliRun.of("plan", "--hardware", "h100-sxm,h200-sxm", "--rate", "5", "--requests", "2000",
                "--speculative", "draft=llama-3.1-8b", "--format", "json", "--emit", winner.toString());

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(speculative.exitCode()).as(speculative.err()).isZero();
        JsonNode plan = JSON.readTree(speculative.out());
        assertThat(plan.get("speculative").asText()).isEqualTo("draft=llama-3.1-8b,tokens=4,acceptance=0.75");
        JsonNode best = plan.get("winner");
        assertThat(best.get("decodePool").asText())
                .endsWith(" speculative(draft=llama-3.1-8b,tokens=4,acceptance=0.75)");
        // E = (1 - 0.75^5) / 0.25 = 3.05 tokens per iteration against a verification and 4 draft passes: the
        // decoding pool's TPOT falls well below plain decoding's
        assertThat(best.get("tpotP90Seconds").asDouble())
                .isLessThan(0.7 * JSON.readTree(plain.out()).get("winner").get("tpotP90Seconds").asDouble());
        String emitted = Files.readString(winner);
        assertThat(emitted).contains("# Its decoding pool decodes speculatively: estimate or simulate it with"
                + " --speculative draft=llama-3.1-8b,tokens=4,acceptance=0.75\n");

        CliRun replay = CliRun.of("simulate", "--model", "llama-3.1-70b", "--pipeline", winner.toString(),
                "--speculative", "draft=llama-3.1-8b,tokens=4,acceptance=0.75", "--workload", "chat", "--rate", "5",
                "--requests", "2000", "--seed", "1", "--format", "json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(JSON.readTree(replay.out()).get("tpotSeconds").get("p90").asDouble()).isCloseTo(
                best.get("tpotP90Seconds").asDouble(), within(0.05 * best.get("tpotP90Seconds").asDouble()));
    }

    @Test
    void aDraftThatCannotServeTheModelIsOneSentenceAndExitTwo() {
        CliRun plan = CliRun.of("plan", "--hardware", "h100-sxm", "--rate", "1", "--speculative",
                "draft=llama-2-7b");
        CliRun compare = CliRun.of("compare", "--speculative", "draft=llama-2-7b");

        for (CliRun run : new CliRun[] {plan, compare}) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("error: the draft 'llama-2-7b' has a vocabulary of 32,000 tokens and"
                    + " 'llama-3.1-70b' one of 128,256");
        }
    }

    @Test
    void restrictedToOneFamilyEveryPoolUsesIt() throws Exception {
        CliRun run = CliRun.of("plan", "--hardware", "gpu", "--format", "json", "--requests", "3000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode candidate : JSON.readTree(run.out()).get("candidates")) {
            for (JsonNode status : candidate.get("chipStatus")) {
                assertThat(status.get("hardware").asText()).isIn("a100-sxm-80gb", "h100-sxm", "h200-sxm", "b200",
                        "gb200", "mi300x", "mi325x", "gaudi3", "trainium2");
            }
        }
    }

    @Test
    void anObjectiveNobodyMeetsSaysSoAndWhatTheClosestMiss() {
        // no chip reaches a 1 ms first token, nor 10 µs per token
        CliRun run = CliRun.of("plan", "--slo", "ttft=1ms,tpot=10us", "--requests", "2000");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: no deployment meets 90% of requests within TTFT 1.00 ms and TPOT"
                + " 10.0 us; closest: ").contains(" misses ", "TTFT (", "TPOT (");
    }

    @Test
    void anUnknownHardwareIdGetsADidYouMean() {
        CliRun run = CliRun.of("plan", "--hardware", "h100-sxn");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown accelerator or family 'h100-sxn'; did you mean 'h100-sxm'?");
    }

    @Test
    void theUniqueBeginningOfAnIdNamesTheChip() throws Exception {
        CliRun run = CliRun.of("plan", "--hardware", "h100", "--model", "llama-3.1-8b", "--requests", "20", "--top",
                "1", "--rate", "1", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode candidate : JSON.readTree(run.out()).get("candidates")) {
            assertThat(candidate.get("prefillHardware").asText()).isEqualTo("h100-sxm");
        }
    }

    @Test
    void theTableNamesTheWinnerAndHowEachCandidateWasChecked() throws Exception {
        // wide enough that no cell wraps: the words are whole on their lines
        CliRun run = CliRun.with(Map.of("COLUMNS", "300"), "plan", "--requests", "3000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("deployments estimated", "simulations to verify the best", "Pareto front",
                "winner: ", "simulated, meets");
        assertThat(Files.exists(Path.of("winner.yaml"))).isFalse();
    }
}
