package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --set} and {@code --hardware-sheet}: what-if chips modelled by their family's plugin. */
class WhatIfFlagsTest {
    @TempDir
    Path temp;

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void aCapacityNoNumberOfChipsCanHoldIsSaidSoNotGivenAsANegativeCount() {
        // 1,000 bytes of HBM: no count of chips up to 2^20 holds 16 GB of weights, and the message says so rather
        // than "at least -1"
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--set",
                "h100-sxm.hbm.capacityBytes=1e3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no number of chips up to 2^20 holds it; choose other hardware for --hardware"
                + " or a smaller format in --precision").doesNotContain("-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fit --model llama-3.1-8b --hardware h100-sxm",
            "roofline --hardware h100-sxm",
            "compare --model llama-3.1-8b --deployment --hardware=h100-sxm:1",
            "simulate --model llama-3.1-8b --hardware h100-sxm:1 --requests 20"})
    void everyCommandThatTakesSetSaysWhichFiguresTheUserSet(String line) {
        String[] words = (line + " --set h100-sxm.hbm.bytesPerSecond=6e12").split(" ");
        CliRun run = CliRun.with(Map.of("COLUMNS", "300"), words);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("h100-sxm hbm.bytesPerSecond = 6e+12, set by the user:"
                + " --set h100-sxm.hbm.bytesPerSecond=6e+12 (the sheet's 3.35e+12, source h100-datasheet)");
    }

    @Test
    void aCalibrationFileServesWithItsProfilesAndSaysSo() throws Exception {
        String shipped;
        try (var in = getClass().getClassLoader().getResourceAsStream(
                "org/splitinfer/core/calibration/serving-calibration.yaml")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the LPU profile's time per layer, halved: a faster compiled schedule
        String layer = shipped.replaceAll("(?s).*vendor-api:\\s*\\n\\s*lpu: \\{[^}]*layerSeconds: ([0-9.e+-]+)\\}.*",
                "$1");
        double seconds = Double.parseDouble(layer);
        Path half = Files.writeString(temp.resolve("half.yaml"),
                shipped.replace("layerSeconds: " + layer + "}", "layerSeconds: " + seconds / 2 + "}"));
        String[] line = {"estimate", "--model", "llama-3.1-8b", "--hardware", "groq-lpu-v1:48", "--tp", "16", "--pp",
                "3", "--precision", "int8", "--software", "vendor-api", "--format", "json"};
        JsonNode plain = json(CliRun.of(line));
        String[] withFile = java.util.Arrays.copyOf(line, line.length + 2);
        withFile[line.length] = "--calibration";
        withFile[line.length + 1] = half.toString();
        CliRun run = CliRun.of(withFile);
        JsonNode halved = json(run);

        // Llama 3.1 8B's 32 layers over 3 stages: the heaviest holds 11, and a token crosses all 3 stages, so the
        // step pays 3 × 11 layer times; half of each saves 33 × seconds ÷ 2
        assertThat(plain.get("tpotSeconds").asDouble() - halved.get("tpotSeconds").asDouble())
                .isCloseTo(33 * seconds / 2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(run.err()).contains("note: serving-stack profiles from " + half + ", not the shipped calibration");
    }

    @Test
    void aBrokenCalibrationFileIsOneSentenceAndExitTwo() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "stacks: {}\n");
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--calibration",
                bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("error: " + bad).contains("stackOverheads: required, a mapping")
                .doesNotContain("\n");
    }

    @Test
    void twiceTheSramNeedsHalfTheDecodeChipsAndSaysTheFigureIsTheUsers() throws Exception {
        JsonNode original = json(CliRun.of("estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8",
                "--decode", "groq-lpu-v1:auto", "--format", "json"));
        JsonNode doubled = json(CliRun.of("estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8",
                "--decode", "groq-lpu-v1@groq-2x:auto", "--set", "groq-lpu-v1@groq-2x.sram.capacityBytes=460e6",
                "--format", "json"));

        int before = original.get("phases").get(1).get("chipsPerInstance").asInt();
        int after = doubled.get("phases").get(1).get("chipsPerInstance").asInt();
        // 230 MB → 460 MB per chip holds the same 141 GB of weights on half as many chips: 784 → 392 (both whole
        // GroqNodes of 8 that a runnable layout uses)
        assertThat(before).isEqualTo(784);
        assertThat(after).isEqualTo(392);
        assertThat(doubled.get("phases").get(1).get("hardware").asText()).isEqualTo("groq-2x");
        JsonNode user = null;
        for (JsonNode assumption : doubled.get("assumptions")) {
            if (assumption.get("kind").asText().equals("userSetFigure")) {
                user = assumption;
            }
        }
        assertThat(user).isNotNull();
        assertThat(user.get("figure").asText()).isEqualTo("sram.capacityBytes");
        assertThat(user.get("text").asText()).isEqualTo("groq-2x sram.capacityBytes = 4.6e+08, set by the user:"
                + " --set groq-lpu-v1@groq-2x.sram.capacityBytes=4.6e+08 (the sheet's 2.3e+08, source"
                + " groq-lpu-techpowerup)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"groq-lpu-v1.sram.bytes=460e6", "groq-lpu-v1.sram.capacityBytes=0",
            "groq-lpu-v1.sram.capacityBytes=-5", "groq-lpu-v1.sram.capacityBytes=NaN",
            "groq-lpu-v1.sram.capacityBytes=lots", "groq-lpv1.sram.capacityBytes=1", "nonsense",
            "groq-lpu-v1.sram.capacityBytes=1e400"})
    void aBadSetIsOneSentenceAndExitTwo(String set) {
        CliRun run = CliRun.of("estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8", "--decode",
                "groq-lpu-v1:auto", "--set", set);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("error: --set "));
    }

    @Test
    void anUnknownFigureListsTheValidNames() {
        CliRun run = CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "groq-lpu-v1", "--set",
                "groq-lpu-v1.sram.bytes=460e6");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("chip 'groq-lpu-v1' has no figure 'sram.bytes'", "sram.capacityBytes",
                "sram.bytesPerSecond");
    }

    @Test
    void theDerivedChipCompetesBesideItsOriginalInAPlan() throws Exception {
        JsonNode plan = json(CliRun.of("plan", "--model", "llama-3.1-8b", "--hardware", "groq-lpu-v1,groq-2x",
                "--set", "groq-lpu-v1@groq-2x.sram.capacityBytes=460e6", "--rate", "2", "--requests", "300",
                "--top", "2", "--format", "json"));

        String text = plan.toString();
        assertThat(text).contains("groq-2x", "groq-lpu-v1");
        assertThat(plan.get("userSetFigures").get(0).get("hardware").asText()).isEqualTo("groq-2x");
    }

    @Test
    void aSheetOfAKnownFamilyAddsAChipWithNoJava() throws Exception {
        Path sheet = Files.writeString(temp.resolve("acme-hardware.yaml"), Files.readString(
                Path.of("../examples/whatif/acme-h2-hardware.yaml")));

        CliRun run = CliRun.of("fit", "--model", "llama-3.1-70b", "--hardware", "acme-h2", "--hardware-sheet",
                sheet.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("acme-h2");
    }
}
