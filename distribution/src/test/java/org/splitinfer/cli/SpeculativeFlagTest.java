package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate --speculative}: its parts, its defaults, what it prints and what it refuses. */
class SpeculativeFlagTest {
    private static final String[] SPLIT = {"estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8",
            "--decode", "h100-sxm:8", "--precision", "fp8"};

    private static String[] with(String... more) {
        String[] args = new String[SPLIT.length + more.length];
        System.arraycopy(SPLIT, 0, args, 0, SPLIT.length);
        System.arraycopy(more, 0, args, SPLIT.length, more.length);
        return args;
    }

    private static JsonNode speculativeAssumption(JsonNode estimate) {
        for (JsonNode assumption : estimate.get("assumptions")) {
            if (assumption.get("kind").asText().equals("speculativeDecodingApplied")) {
                return assumption;
            }
        }
        throw new AssertionError("no speculativeDecodingApplied assumption in " + estimate);
    }

    @Test
    void theFlagAloneTakesTheDefaultsAndTheTableSaysSo() {
        CliRun plain = CliRun.of(SPLIT);
        CliRun speculative = CliRun.of(with("--speculative"));

        assertThat(speculative.exitCode()).as(speculative.err()).isZero();
        // (1 − 0.75^5) ÷ 0.25 = 3.05 tokens per step
        assertThat(speculative.out()).contains("tokens per step    3.05 (speculative)",
                "decode pool decodes speculatively: heads of 1 decoder layer");
        assertThat(plain.out()).doesNotContain("tokens per step", "speculatively");
    }

    @Test
    void jsonGivesTheAssumptionWithTheExpectedTokensPerStepAndSpeculatingLowersTpot() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode plain = mapper.readTree(CliRun.of(with("--format", "json")).out());
        CliRun run = CliRun.of(with("--speculative", "draft=llama-3.1-8b,tokens=5,acceptance=0.9", "--format",
                "json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = mapper.readTree(run.out());
        JsonNode applied = speculativeAssumption(json);
        assertThat(applied.get("role").asText()).isEqualTo("decode");
        assertThat(applied.get("draftModel").asText()).isEqualTo("llama-3.1-8b");
        assertThat(applied.get("tokens").asInt()).isEqualTo(5);
        assertThat(applied.get("acceptance").asDouble()).isEqualTo(0.9);
        // (1 − 0.9^6) ÷ 0.1 = (1 − 0.531441) ÷ 0.1 = 4.68559
        assertThat(applied.get("tokensPerStep").asDouble()).isCloseTo(4.68559, within(1e-12));
        assertThat(applied.get("text").asText()).startsWith("decode pool decodes speculatively: draft llama-3.1-8b");
        // TPOT = (verification + 5 draft passes) ÷ 4.68559
        double step = applied.get("verifySeconds").asDouble() + 5 * applied.get("draftPassSeconds").asDouble();
        assertThat(json.get("tpotSeconds").asDouble()).isCloseTo(step / 4.68559, within(1e-12));
        assertThat(json.get("tpotSeconds").asDouble()).isLessThan(plain.get("tpotSeconds").asDouble());
    }

    @Test
    void headsTakeTheirLayerCountAndAColocatedPoolSpeculatesToo() throws Exception {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--speculative",
                "draft=heads:2", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode applied = speculativeAssumption(new ObjectMapper().readTree(run.out()));
        assertThat(applied.get("role").asText()).isEqualTo("colocated");
        assertThat(applied.get("headLayers").asInt()).isEqualTo(2);
        assertThat(applied.get("draftModel").isNull()).isTrue();
    }

    @Test
    void aPipelineFilesDecodePoolSpeculatesWithTheFlag(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("pipeline.yaml"), """
                prefill: {hardware: h100-sxm, chips: 8, precision: fp8}
                decode: {hardware: h100-sxm, chips: 8, precision: fp8}
                """);

        CliRun fromFile = CliRun.of("estimate", "--model", "llama-3.1-70b", "--pipeline", file.toString(),
                "--speculative", "--format", "json");
        CliRun fromFlags = CliRun.of(with("--speculative", "--format", "json"));

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(new ObjectMapper().readTree(fromFile.out()).get("tpotSeconds").asDouble())
                .isEqualTo(new ObjectMapper().readTree(fromFlags.out()).get("tpotSeconds").asDouble());
    }

    @Test
    void anAcceptanceOfOneOrTokensOfZeroAreRefusedInOneLine() {
        CliRun one = CliRun.of(with("--speculative", "acceptance=1"));
        CliRun zero = CliRun.of(with("--speculative", "tokens=0"));

        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.err()).isEqualTo("error: --speculative must have acceptance=A with A a probability above 0 and"
                + " below 1 (the share of proposed tokens the target accepts), got 'acceptance=1'; run 'splitinfer"
                + " estimate --help' for usage\n");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("error: --speculative must have tokens=K with K a whole number of tokens"
                + " proposed per step from 1 to 32, got 'tokens=0'; run 'splitinfer estimate --help' for usage\n");
    }

    @Test
    void aMisspeltPartGetsTheClosestAndARepeatedPartIsRefused() {
        CliRun misspelt = CliRun.of(with("--speculative", "acceptence=0.7"));
        CliRun twice = CliRun.of(with("--speculative", "tokens=4,tokens=5"));

        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).isEqualTo("error: --speculative must be draft=MODEL|heads[:N],tokens=K,"
                + "acceptance=A, each part optional and at most once (e.g. draft=llama-3.1-8b,tokens=4,"
                + "acceptance=0.75); 'acceptence' is not a part (did you mean 'acceptance'?); run 'splitinfer"
                + " estimate --help' for usage\n");
        assertThat(twice.err()).isEqualTo("error: --speculative must give tokens at most once, got"
                + " 'tokens=4,tokens=5'; run 'splitinfer estimate --help' for usage\n");
    }

    @Test
    void aDraftOfAnotherVocabularyOrNoSmallerThanTheTargetIsRefused() {
        CliRun vocabulary = CliRun.of(with("--speculative", "draft=llama-2-7b"));
        CliRun larger = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:8", "--speculative",
                "draft=llama-3.1-70b");

        assertThat(vocabulary.exitCode()).isEqualTo(2);
        assertThat(vocabulary.err()).isEqualTo("error: the draft 'llama-2-7b' has a vocabulary of 32,000 tokens and"
                + " 'llama-3.1-70b' one of 128,256: the target verifies the draft's token ids, so both need the same"
                + " vocabulary; choose a draft of the target's family\n");
        assertThat(larger.exitCode()).isEqualTo(2);
        assertThat(larger.err()).isEqualTo("error: the draft 'llama-3.1-70b' (70.6 billion parameters) is not"
                + " smaller than 'llama-3.1-8b' (8.03 billion): a draft proposes tokens faster than the target only"
                + " when it is smaller; choose a smaller draft\n");
    }

    @Test
    void anUnknownDraftModelGetsTheClosestCatalogId() {
        CliRun run = CliRun.of(with("--speculative", "draft=lama-3.1-8b"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown model 'lama-3.1-8b'").contains("llama-3.1-8b");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void onCerebrasSpeculatingWithTheEightBillionDraftRaisesTheSpeedPerUser() throws Exception {
        // the validation cases' deployment: Llama-3.1-70B in 16 bits on auto WSE-3s, one user, the vendor-api profile
        String[] cerebras = {"estimate", "--model", "llama-3.1-70b", "--prefill", "cerebras-wse3:auto", "--decode",
                "cerebras-wse3:auto", "--precision", "bf16", "--software", "vendor-api", "--input", "1000",
                "--output", "500", "--format", "json"};
        String[] speculative = new String[cerebras.length + 2];
        System.arraycopy(cerebras, 0, speculative, 0, cerebras.length);
        speculative[cerebras.length] = "--speculative";
        speculative[cerebras.length + 1] = "draft=llama-3.1-8b";

        JsonNode plain = new ObjectMapper().readTree(CliRun.of(cerebras).out());
        JsonNode faster = new ObjectMapper().readTree(CliRun.of(speculative).out());

        assertThat(faster.get("outputTokensPerSecondPerUser").asDouble())
                .isGreaterThan(plain.get("outputTokensPerSecondPerUser").asDouble());
        assertThat(speculativeAssumption(faster).get("draftChips").asInt())
                .isEqualTo(faster.get("phases").get(1).get("chipsPerInstance").asInt());
    }
}
