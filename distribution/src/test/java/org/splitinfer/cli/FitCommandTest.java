package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The fit command against the shipped hardware sheets: the acceptance cases of the fit issue. */
class FitCommandTest {

    private static JsonNode fit(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("fit", "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void llama2At70bInInt8NeedsMoreThan300GroqChips() throws Exception {
        JsonNode fit = fit("--model", "llama-2-70b", "--hardware", "groq-lpu-v1", "--precision", "int8");

        // weights 68,976,648,192 × 1 byte; KV 4,096 tokens × 80 layers × 2 × 8 heads × 128 × 1 byte = 671,088,640
        assertThat(fit.get("footprint").get("weightBytes").asDouble()).isEqualTo(68_976_648_192.0);
        assertThat(fit.get("footprint").get("kvCacheBytes").asDouble()).isEqualTo(671_088_640.0);
        // at full use: 69,647,736,832 ÷ 230e6 = 302.8 → 303; with the sheet's room for programs (10%) and
        // activations (10%), 80% holds weights and KV: ÷ 184e6 = 378.5 → 379
        assertThat(fit.get("minChips").asInt()).isGreaterThanOrEqualTo(300).isEqualTo(379);
        assertThat(fit.get("fitsFullSpeed").asBoolean()).isTrue();
        assertThat(fit.get("placement").has("sram")).isTrue();
        // an LPU has nothing slower to spill to
        assertThat(fit.get("alternatives")).isEmpty();
        // LPUs come in nodes of 8, so 379 rounds up to 384 = 48 nodes; of its layouts (tp × pp with tp splitting the
        // 64 heads and pp ≤ 80 layers: 8 × 48, 16 × 24, 32 × 12, 64 × 6) the fastest decode on the hardware model
        // alone is tp 8, pp 48: its all-reduces stay in one fully connected node (one hop), and the hand-offs between
        // stages are 0.6 µs each (the compiled program's time per layer is a serving stack's, which fit leaves out)
        assertThat(fit.get("chips").asInt()).isEqualTo(384);
        assertThat(fit.get("layout").get("tensor").asInt()).isEqualTo(8);
        assertThat(fit.get("layout").get("pipeline").asInt()).isEqualTo(48);
    }

    @Test
    void llama31At70bInBf16NeedsFourWafersAsCerebrasDeploysIt() throws Exception {
        JsonNode fit = fit("--model", "llama-3.1-70b", "--hardware", "cerebras-wse3", "--precision", "bf16");

        // 70,553,706,496 × 2 = 141,107,412,992 weight bytes + 4,096 × 327,680 = 1,342,177,280 KV bytes
        // = 142,449,590,272 ÷ (44e9 × 0.9 usable = 39.6e9) = 3.6 → 4 wafers
        assertThat(fit.get("footprint").get("totalBytes").asDouble()).isEqualTo(142_449_590_272.0);
        assertThat(fit.get("minChips").asInt()).isEqualTo(4);
        assertThat(fit.get("alternatives").get(0).get("name").asText()).isEqualTo("weight-streaming");
    }

    @Test
    void weightStreamingFromMemoryXFitsTheWaferButCostsItsSpeed() throws Exception {
        // the default formats: native bf16 where the wafer's sheet lists a bf16 peak, else fp16 (same bytes)
        JsonNode fit = fit("--model", "llama-3.1-70b", "--hardware", "cerebras-wse3");

        assertThat(fit.get("minChips").asInt()).isEqualTo(4);
        JsonNode streaming = fit.get("alternatives").get(0);
        assertThat(streaming.get("name").asText()).isEqualTo("weight-streaming");
        assertThat(streaming.get("fits").asBoolean()).isTrue();
        assertThat(streaming.get("placement").get("external").get("weightBytes").asDouble())
                .isEqualTo(141_107_412_992.0 / 4);
        // each wafer reads its 35.3e9 weight bytes over the 150 GB/s system I/O: over 0.2 s, far slower than SRAM
        assertThat(streaming.get("decodeStepSeconds").asDouble()).isGreaterThan(35.27e9 / 150e9);
        assertThat(streaming.get("decodeStepSeconds").asDouble())
                .isGreaterThan(100 * streaming.get("fullSpeedDecodeStepSeconds").asDouble());
    }

    @Test
    void llama31At405bFitsEightH100sInFp8ButNotInBf16() throws Exception {
        JsonNode fp8 = fit("--model", "llama-3.1-405b", "--hardware", "h100-sxm", "--precision", "fp8", "--chips",
                "8");
        JsonNode bf16 = fit("--model", "llama-3.1-405b", "--hardware", "h100-sxm", "--precision", "bf16", "--chips",
                "8");

        // usable: 8 × 80e9 × 0.9 = 576e9 bytes
        // fp8: 405,853,388,800 + 4,096 × 258,048 = 406,910,353,408 ≤ 576e9; fewest: ÷ 72e9 = 5.65 → 6
        assertThat(fp8.get("fitsFullSpeed").asBoolean()).isTrue();
        assertThat(fp8.get("minChips").asInt()).isEqualTo(6);
        assertThat(fp8.get("chips").asInt()).isEqualTo(8);
        // bf16: 811,706,777,600 + 2,113,929,216 = 813,820,706,816 > 576e9; fewest: ÷ 72e9 = 11.3 → 12
        assertThat(bf16.get("fitsFullSpeed").asBoolean()).isFalse();
        assertThat(bf16.get("minChips").asInt()).isEqualTo(12);
        assertThat(bf16.get("kvTokensCapacity").get("total").asLong()).isZero();
    }

    @Test
    void deepseekR1InFp8FitsSixteenSn40lSocketsInHbm() throws Exception {
        JsonNode fit = fit("--model", "deepseek-r1", "--hardware", "sambanova-sn40l", "--precision", "fp8",
                "--chips", "16");

        // 671,026,419,200 × 1 byte + 4,096 × 61 × 576 × 1 byte (143,917,056) ≈ 671.2e9 ≤ 16 × 64e9 × 0.9 = 921.6e9
        assertThat(fit.get("fitsFullSpeed").asBoolean()).isTrue();
        // 671,170,336,256 ÷ 57.6e9 = 11.65 → 12 sockets
        assertThat(fit.get("minChips").asInt()).isEqualTo(12);
        assertThat(fit.get("placement").get("hbm").get("weightBytes").asDouble())
                .isEqualTo(671_026_419_200.0 / 16);
        // the SN40L computes bf16 only: the time is missing and the reason given
        assertThat(fit.get("fullSpeedDecodeStepSeconds").isNull()).isTrue();
        assertThat(fit.get("fullSpeedDecodeStepNote").asText()).contains("cannot compute in fp8");
    }

    @Test
    void deepseekR1InItsNativeFormatsIsTheDefaultOnTheSn40lAndIsPriced() throws Exception {
        JsonNode fit = fit("--model", "deepseek-r1", "--hardware", "sambanova-sn40l", "--chips", "16");

        // native FP8 weights meet BF16 activations, so the GEMMs compute in bf16, which the SN40L has
        assertThat(fit.get("precisionChoice").asText()).contains("native");
        assertThat(fit.get("fitsFullSpeed").asBoolean()).isTrue();
        assertThat(fit.get("fullSpeedDecodeStepSeconds").asDouble()).isPositive();
    }

    @Test
    void deepseekR1InBf16DoesNotFitSixteenSocketsAndSpillsToDdr() throws Exception {
        JsonNode fit = fit("--model", "deepseek-r1", "--hardware", "sambanova-sn40l", "--precision", "bf16",
                "--chips", "16");

        // 671,026,419,200 × 2 = 1,342,052,838,400 bytes ≈ 1.34e12 > 16 × 64e9 × 0.9 = 921.6e9
        assertThat(fit.get("footprint").get("weightBytes").asDouble()).isEqualTo(1_342_052_838_400.0);
        assertThat(fit.get("fitsFullSpeed").asBoolean()).isFalse();
        // ÷ 57.6e9 per socket = 23.3 → 24 sockets to fit in HBM
        assertThat(fit.get("minChips").asInt()).isEqualTo(24);
        JsonNode spill = fit.get("alternatives").get(0);
        assertThat(spill.get("name").asText()).isEqualTo("ddr-spill");
        assertThat(spill.get("fits").asBoolean()).isTrue();
        assertThat(spill.get("placement").has("ddr")).isTrue();
        // every weight priced at DDR speed: slower than full speed, and flagged as an upper bound
        assertThat(spill.get("decodeStepSeconds").asDouble())
                .isGreaterThan(spill.get("fullSpeedDecodeStepSeconds").asDouble());
        assertThat(spill.get("decodeStepIsUpperBound").asBoolean()).isTrue();
        assertThat(fit.get("notes").toString()).contains("upper bound");
    }

    @Test
    void llama31At70bInBfp8FitsThirtyTwoWormholeGalaxyChips() throws Exception {
        JsonNode fit = fit("--model", "llama-3.1-70b", "--hardware", "tt-wormhole-galaxy", "--precision", "bfp8",
                "--chips", "32");

        // bfp8 is 8.5 bits: 70,553,706,496 × 1.0625 = 74,963,313,152 weight bytes;
        // KV 4,096 × 80 × 2 × 8 × 128 × 1.0625 = 713,031,680; per chip 75,676,344,832 ÷ 32 = 2.36e9, within
        // 12 GiB × 0.9
        assertThat(fit.get("footprint").get("totalBytes").asDouble()).isEqualTo(75_676_344_832.0);
        assertThat(fit.get("fitsFullSpeed").asBoolean()).isTrue();
        // fewest: 75,676,344,832 ÷ (12,884,901,888 × 0.9 = 11,596,411,699) = 6.53 → 7 chips
        assertThat(fit.get("minChips").asInt()).isEqualTo(7);
        assertThat(fit.get("placement").get("gddr").get("totalBytes").asDouble())
                .isEqualTo(75_676_344_832.0 / 32);
    }

    @Test
    void jsonHasTheKeysTheIssueAsksFor() throws Exception {
        JsonNode fit = fit("--model", "llama-3.1-405b", "--hardware", "h100-sxm", "--precision", "bf16", "--chips",
                "8");

        List<String> keys = new ArrayList<>();
        fit.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("minChips", "placement", "kvTokensCapacity", "alternatives", "status",
                "assumptions", "fullSpeedDecodeStepSeconds", "notes");
        assertThat(fit.get("kvTokensCapacity").has("perChip")).isTrue();
        assertThat(fit.get("kvTokensCapacity").has("total")).isTrue();
        assertThat(fit.get("status").asText()).isEqualTo("SHIPPING");
        assertThat(fit.get("assumptions").findValuesAsText("name")).contains("hbm.usableFraction");
        JsonNode alternative = fit.get("alternatives").get(0);
        List<String> alternativeKeys = new ArrayList<>();
        alternative.fieldNames().forEachRemaining(alternativeKeys::add);
        assertThat(alternativeKeys).contains("name", "note", "placement", "fits", "decodeStepSeconds",
                "fullSpeedDecodeStepSeconds");
    }

    @Test
    void announcedHardwareIsSaidToBeSo() throws Exception {
        JsonNode fit = fit("--model", "llama-3.1-8b", "--hardware", "groq-lp30", "--precision", "fp8");

        assertThat(fit.get("status").asText()).isEqualTo("ANNOUNCED");
        assertThat(fit.get("notes").get(0).asText()).contains("announced, not shipping");
    }

    @Test
    void theTableSaysWhetherItFitsAndListsTheAlternatives() {
        CliRun run = CliRun.with(Map.of("COLUMNS", "300"), "fit", "--model", "deepseek-r1", "--hardware",
                "sambanova-sn40l", "--precision", "bf16", "--chips", "16");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("minChips").contains("24").contains("does not fit full speed")
                .contains("ddr-spill").contains("(upper bound)").contains("note: ");
    }

    @Test
    void csvHasOneRowPerPlacementAndTier() {
        CliRun run = CliRun.of("fit", "--model", "deepseek-r1", "--hardware", "sambanova-sn40l", "--precision",
                "bf16", "--chips", "16", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("placement,chips,fits_full_speed,tier,weight_bytes,kv_cache_bytes,"
                + "activation_bytes,kv_tokens_per_chip,kv_tokens_total,decode_step_seconds,min_chips,status");
        // full-speed: hbm; ddr-spill: hbm and ddr
        assertThat(lines).hasSize(4);
    }

    @Test
    void anUnknownAcceleratorExitsTwoSuggestingTheNearestId() {
        CliRun run = CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "h100-sxn");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: unknown accelerator 'h100-sxn'; did you mean 'h100-sxm'? Available: ")
                .endsWith("; run 'splitinfer hardware' to list them or add a plugin with --plugins DIR\n");
    }

    @Test
    void theUniqueBeginningOfAnIdNamesTheChipAndAnAmbiguousOneListsTheCandidates() {
        CliRun unique = CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "sambanova");
        CliRun ambiguous = CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "tt-wormhole");

        assertThat(unique.exitCode()).as(unique.err()).isZero();
        assertThat(unique.out()).contains("sambanova-sn40l (shipping");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).isEqualTo("error: accelerator 'tt-wormhole' is ambiguous: tt-wormhole-galaxy,"
                + " tt-wormhole-n150, tt-wormhole-n300 begin with it; give more of the id; run 'splitinfer hardware'"
                + " to list them or add a plugin with --plugins DIR\n");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        List<CliRun> runs = List.of(
                CliRun.of("fit", "--model", "nope", "--hardware", "h100-sxm"),
                CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--precision", "weights=fp5"),
                CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--chips", "0"),
                CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--context", "0"),
                CliRun.of("fit", "--model", "llama-3.1-8b"));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("error: ");
        }
        // core names the field fit.contextTokens; the tool writes its flag
        assertThat(runs.get(3).err()).isEqualTo("error: --context must be from 1 to 16,777,216, got 0; give --context"
                + " a number of tokens in that range.\n");
    }
}
