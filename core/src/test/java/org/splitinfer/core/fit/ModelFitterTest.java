package org.splitinfer.core.fit;

import org.splitinfer.core.cost.FormatException;
import org.splitinfer.core.cost.LayoutSearch;
import org.splitinfer.core.cost.FormatRule;
import org.splitinfer.core.cost.FormatChoice;
import org.splitinfer.core.cost.DefaultFormats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.kernel.StepWork;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Status;

class ModelFitterTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final ModelSpec LLAMA_8B = CATALOG.get("llama-3.1-8b");

    private static Map<Precision, Double> peaks(Object... formatThenPeak) {
        Map<Precision, Double> peaks = new LinkedHashMap<>();
        for (int i = 0; i < formatThenPeak.length; i += 2) {
            peaks.put((Precision) formatThenPeak[i], (Double) formatThenPeak[i + 1]);
        }
        return peaks;
    }

    @Test
    void theFootprintIsTheWeightsPlusOneSequencesKvCacheAndNoActivations() {
        Footprint footprint = ModelFitter.footprint(LLAMA_8B, ModelPrecision.BF16, 4096);

        // 8,030,261,248 parameters × 2 bytes; 32 layers × 2 × 8 KV heads × 128 × 2 bytes = 131,072 bytes per token
        assertThat(footprint.weightBytes()).isEqualTo(16_060_522_496.0);
        assertThat(footprint.kvBytesPerToken()).isEqualTo(131_072.0);
        assertThat(footprint.kvTokens()).isEqualTo(4096);
        assertThat(footprint.kvCacheBytes()).isEqualTo(536_870_912.0);
        assertThat(footprint.activationBytes()).isZero();
    }

    @Test
    void slidingWindowLayersHoldOnlyTheirWindowInTheFootprint() {
        ModelSpec gptOss = CATALOG.get("gpt-oss-120b");
        Footprint footprint = ModelFitter.footprint(gptOss, ModelPrecision.BF16, 4096);

        // 36 layers, 18 sliding at 128 tokens; 2 × 8 KV heads × 64 × 2 bytes = 2,048 bytes per layer and token:
        // 2,048 × (18 × 4,096 + 18 × 128) = 155,713,536 bytes, i.e. 38,016 bytes per token on average over 4,096
        assertThat(footprint.kvCacheBytes()).isEqualTo(155_713_536.0);
        assertThat(footprint.kvBytesPerToken()).isEqualTo(38_016.0);
        assertThat(gptOss.kvBytesPerToken(Precision.BF16)).isEqualTo(73_728.0);
    }

    @Test
    void theFewestChipsHoldTheFootprintAfterTheUsableFraction() {
        FitReport report = ModelFitter.fit(FakeChip.small(), LLAMA_8B, FitRequest.defaults());

        // (16,060,522,496 + 536,870,912) ÷ (4e9 × 0.9) = 16,597,393,408 ÷ 3.6e9 = 4.61 → 5 chips
        assertThat(report.minChips()).hasValue(5);
        assertThat(report.chips()).isEqualTo(5);
        assertThat(report.fitsFullSpeed()).isTrue();
        assertThat(report.placement().perChip().get(0).weightBytes()).isEqualTo(16_060_522_496.0 / 5);
        // (3.6e9 − 3,212,104,499.2) ÷ 131,072 = 2,959.4 → 2,959 tokens per chip
        assertThat(report.placement().kvTokensCapacityPerChip()).isEqualTo(2959);
        assertThat(report.placement().kvTokensCapacityTotal()).isEqualTo(5 * 2959);
        assertThat(report.alternatives()).isEmpty();
        assertThat(report.fullSpeedDecode().seconds()).isPresent();
    }

    @Test
    void theNativeFormatsAreTheDefaultWhenTheChipComputesThem() {
        FormatChoice choice = DefaultFormats.choose(LLAMA_8B, FakeChip.small().roofline(), "fake-chip");

        assertThat(choice.precision()).isEqualTo(LLAMA_8B.nativePrecision());
        assertThat(choice.rule()).isEqualTo(FormatRule.NATIVE);
        assertThat(choice.missingFormats()).isEmpty();
    }

    @Test
    void aMixedPrecisionCheckpointIsNativeWhenItsGemmsComputeInItsActivationFormat() {
        ModelSpec deepseek = CATALOG.get("deepseek-r1");

        // FP8 weights meet BF16 activations: every GEMM computes in BF16, which the chip has
        assertThat(DefaultFormats.computeFormats(deepseek, deepseek.nativePrecision())).containsExactly("bf16");
        assertThat(DefaultFormats.choose(deepseek, FakeChip.small().roofline(), "fake-chip").precision())
                .isEqualTo(deepseek.nativePrecision());
    }

    @Test
    void withoutTheNativeFormatsTheDefaultFallsBackToFp16() {
        FakeChip fp16Only = FakeChip.small().computing(peaks(Precision.FP16, 1e15));

        FormatChoice choice = DefaultFormats.choose(LLAMA_8B, fp16Only.roofline(), "fake-chip");

        assertThat(choice.precision()).isEqualTo(ModelPrecision.uniform(Precision.FP16));
        assertThat(choice.rule()).isEqualTo(FormatRule.FP16_FALLBACK);
        assertThat(choice.missingFormats()).containsExactly("bf16");
    }

    @Test
    void withoutBf16OrFp16TheDefaultIsTheHighestPeakFormatOfAtLeastEightBits() {
        // int4 has the highest peak but fewer than 8 bits; int8 at 2e15 beats fp8 at 1e15
        FakeChip integer = FakeChip.small().computing(peaks(Precision.INT4, 4e15, Precision.FP8, 1e15,
                Precision.INT8, 2e15));

        FormatChoice choice = DefaultFormats.choose(LLAMA_8B, integer.roofline(), "fake-chip");

        assertThat(choice.precision()).isEqualTo(ModelPrecision.uniform(Precision.INT8));
        assertThat(choice.rule()).isEqualTo(FormatRule.HIGHEST_PEAK_FALLBACK);
    }

    @Test
    void aChipWithNoFormatOfEightBitsHasNoDefault() {
        FakeChip int4Only = FakeChip.small().computing(peaks(Precision.INT4, 4e15));

        assertThatThrownBy(() -> DefaultFormats.choose(LLAMA_8B, int4Only.roofline(), "fake-chip"))
                .isInstanceOf(FormatException.class)
                .hasMessage("'fake-chip' computes no well-known format of 8 bits or more (it computes int4); name"
                        + " the formats in precision")
                .satisfies(e -> assertThat(((FormatException) e).fields()).containsExactly("precision"));
    }

    @Test
    void aFormatTheChipCannotComputeLeavesTheDecodeTimeOutAndSaysWhy() {
        FakeChip fp16Only = FakeChip.small().computing(peaks(Precision.FP16, 1e15));

        FitReport report = ModelFitter.fit(fp16Only, LLAMA_8B, FitRequest.defaults().withPrecision(ModelPrecision.BF16));

        assertThat(report.minChips()).hasValue(5);
        assertThat(report.fullSpeedDecode().seconds()).isEmpty();
        assertThat(report.fullSpeedDecode().note()).contains("cannot compute in bf16");
    }

    @Test
    void withoutAChipCountTheFewestThatHoldTheModelAreRoundedUpToALayoutThatRuns() {
        // llama-2-70b: 64 query heads and 8 KV heads, 80 layers; the fake's scale-up domain is 8 chips, so tensor
        // degrees are 1, 2, 4 and 8, and an instance runs on t × p chips with p <= 80. Memory alone asks for
        // 137.4e9 bytes of BF16 weights plus the KV cache on 3.6e9 usable bytes per chip: 40 chips and more.
        ModelSpec llama70 = CATALOG.get("llama-2-70b");
        FitReport report = ModelFitter.fit(FakeChip.small(), llama70, FitRequest.defaults()
                .withPrecision(ModelPrecision.BF16));

        int memoryChips = report.minChips().getAsInt();
        assertThat(report.chips()).isGreaterThanOrEqualTo(memoryChips);
        assertThat(new LayoutSearch(FakeChip.small(), llama70).layouts(report.chips())).isNotEmpty();
        for (int fewer = memoryChips; fewer < report.chips(); fewer++) {
            assertThat(new LayoutSearch(FakeChip.small(), llama70).layouts(fewer)).as("%d chips", fewer).isEmpty();
        }
        assertThat(report.layout().chips()).isEqualTo(report.chips());
        assertThat(64 % report.layout().tensor()).isZero();
    }

    @Test
    void aGivenChipCountNoLayoutUsesIsPricedOnTheMostChipsBelowThatOneDoes() {
        // 337 is prime and above the 80 layers: tensor 8 × 42 stages = 336 chips is the largest count below that
        // the search proposes (tensor degrees 1, 2, 4, 8 in a domain of 8; 168 or 84 stages exceed the layers)
        ModelSpec llama70 = CATALOG.get("llama-2-70b");
        FitReport report = ModelFitter.fit(FakeChip.small(), llama70, FitRequest.defaults()
                .withPrecision(ModelPrecision.BF16).withChips(337));

        assertThat(report.chips()).isEqualTo(337);
        assertThat(report.layout()).isEqualTo(new ParallelLayout(8, 42, 1, 1));
        assertThat(report.notes()).anyMatch(note -> note.contains("the other 1 chips are left out of the timing"));
    }

    @Test
    void aGivenChipCountThatDoesNotFitReportsTheSpillAlternativeAndItsCost() {
        FakeChip withDdr = FakeChip.small().withDdr();

        FitReport report = ModelFitter.fit(withDdr, LLAMA_8B, FitRequest.defaults().withChips(2));

        assertThat(report.minChips()).hasValue(5);
        assertThat(report.chips()).isEqualTo(2);
        assertThat(report.fitsFullSpeed()).isFalse();
        assertThat(report.alternatives()).hasSize(1);
        AlternativeFit spill = report.alternatives().get(0);
        assertThat(spill.placement().name()).isEqualTo("ddr-spill");
        assertThat(spill.holdsFootprint()).isTrue();
        // weights in HBM and DDR, all priced at DDR's 1e11 B/s: an upper bound
        assertThat(spill.upperBound()).isTrue();
        // a memory-bound decode step reading its weights at 1e11 instead of 1e12 B/s: nearly 10 times slower
        assertThat(report.slowdown(spill)).isPresent();
        assertThat(report.slowdown(spill).getAsDouble()).isBetween(9.0, 10.0);
        assertThat(report.notes()).anyMatch(note -> note.contains("'ddr-spill'") && note.contains("upper bound"));
        assertThat(report.notes()).anyMatch(note -> note.contains("does not fit the full-speed memory of 2 chips"));
    }

    @Test
    void aModelThatNeverFitsIsOneSentenceForTheUser() {
        FakeChip never = FakeChip.small().thatNeverFits();

        assertThatThrownBy(() -> ModelFitter.fit(never, LLAMA_8B, FitRequest.defaults()))
                .isInstanceOf(SplitInferException.class)
                .hasMessage("model 'llama-3.1-8b' at weights=bf16,activations=bf16,kv=bf16 (1.660e+10 bytes with a"
                        + " 4096-token KV cache) does not fit the full-speed memory of up to 1048576 'fake-chip'"
                        + " chips; choose a smaller format in fit.precision or evaluate a chip count with fit.chips.")
                .satisfies(e -> assertThat(((SplitInferException) e).fields())
                        .containsExactly("fit.precision", "fit.chips"));
    }

    @Test
    void aGivenChipCountIsEvaluatedEvenWhenNoCountFits() {
        FitReport report = ModelFitter.fit(FakeChip.small().thatNeverFits(), LLAMA_8B,
                FitRequest.defaults().withChips(3));

        assertThat(report.minChips()).isEmpty();
        assertThat(report.chips()).isEqualTo(3);
    }

    @Test
    void projectedHardwareAndAssumedFiguresAreNamedInTheNotes() {
        FitReport report = ModelFitter.fit(FakeChip.small().withStatus(Status.PROJECTED), LLAMA_8B,
                FitRequest.defaults());

        assertThat(report.status()).isEqualTo(Status.PROJECTED);
        assertThat(report.restsOnUnshippedHardware()).isTrue();
        assertThat(report.assumptions()).extracting(f -> f.name()).containsExactly("hbm.usableFraction");
        assertThat(report.notes().get(0)).contains("projected, not shipping");
        assertThat(report.notes().get(1)).contains("hbm.usableFraction");
    }

    @Test
    void badContextsAndChipCountsAreTheUsersToFix() {
        assertThatThrownBy(() -> FitRequest.defaults().withContext(0))
                .isInstanceOf(FitException.class)
                .hasMessage("fit.contextTokens must be from 1 to 16,777,216, got 0; give fit.contextTokens a number of"
                        + " tokens in that range.");
        assertThatThrownBy(() -> FitRequest.defaults().withChips(0))
                .isInstanceOf(FitException.class)
                .hasMessageStartingWith("fit.chips must be from 1 to 1,048,576, got 0;");
        // before: 2147483647 chips were evaluated, a layout search over two billion chips
        assertThatThrownBy(() -> FitRequest.defaults().withChips(Integer.MAX_VALUE))
                .isInstanceOf(FitException.class)
                .hasMessageStartingWith("fit.chips must be from 1 to 1,048,576, got 2147483647;");
        assertThatThrownBy(() -> FitRequest.defaults().withContext(Long.MAX_VALUE))
                .isInstanceOf(FitException.class)
                .hasMessageStartingWith("fit.contextTokens must be from 1 to 16,777,216, got 9223372036854775807;");
    }

    @Test
    void aContextPastTheModelsWindowIsRefusedUnlessLongContextIsAllowed() {
        // Llama 3.1's window: 131,072 tokens
        FitRequest longer = FitRequest.defaults().withContext(131_073);

        assertThatThrownBy(() -> ModelFitter.fit(FakeChip.small(), LLAMA_8B, longer))
                .isInstanceOf(FitException.class)
                .hasMessage("fit.contextTokens = 131,073 exceeds the 131,072-token context window of 'llama-3.1-8b';"
                        + " lower fit.contextTokens or set fit.allowLongContext.");
        assertThat(ModelFitter.fit(FakeChip.small(), LLAMA_8B, longer.allowingLongContext()).contextTokens())
                .isEqualTo(131_073);
    }

    @Test
    void theDecodeTimeOfAMemoryBoundStepIsTheBytesItMovesOverTheBandwidth() {
        FitReport report = ModelFitter.fit(FakeChip.small(), LLAMA_8B, FitRequest.defaults().withChips(4));

        // Batch 1 decode moves about one byte per FLOP, far below the fake's ridge of 1e15 ÷ 1e12 = 1,000 FLOP/byte:
        // every kernel is memory-bound, so the step (one stage, free collectives) is its bytes ÷ 1e12 B/s. On 4 chips
        // tensor 4 × 1 stage beats 2 × 2 and 1 × 4, whose stages run one after another.
        assertThat(report.layout()).isEqualTo(new ParallelLayout(4, 1, 1, 1));
        StepWork work = new KernelPlanner(LLAMA_8B, ModelPrecision.BF16)
                .plan(StepBatch.decode(1, 4096), new ParallelLayout(4, 1, 1, 1));
        assertThat(work.arithmeticIntensity()).isLessThan(1000);
        assertThat(report.fullSpeedDecode().seconds().getAsDouble())
                .isCloseTo(work.totalBytes() / 1e12, within(1e-12));
        // the 16.06e9 weight bytes less the 1.05e9-byte embedding table (a lookup reads one row), over 4 chips:
        // 3.75e9; plus a quarter of the 4,096-token KV cache (4,096 × 131,072 ÷ 4 = 0.134e9): 3.89e9 bytes, 3.89 ms
        assertThat(report.fullSpeedDecode().seconds().getAsDouble()).isBetween(0.0038, 0.0040);
    }
}
