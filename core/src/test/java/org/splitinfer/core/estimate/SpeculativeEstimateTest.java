package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;

class SpeculativeEstimateTest {
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final ModelSpec LLAMA_70B = CATALOG.get("llama-3.1-70b");
    private static final ModelSpec LLAMA_8B = CATALOG.get("llama-3.1-8b");
    private static final SpeculativeDecoding EIGHT_B_DRAFTS_FOUR = new SpeculativeDecoding(
            new SpeculativeDecoding.DraftModel(LLAMA_8B), 4, 0.8);

    /**
     * A chip of 1e12 bytes whose kernels take exactly the time to read their weights at 1e12 B/s, and nothing else:
     * a step's time is the weight bytes it reads, in terabytes. Memory, links, power and price are FakeChip's.
     */
    private record WeightReadingChip(FakeChip base) implements Accelerator, Roofline {
        WeightReadingChip() {
            this(new FakeChip("w", 1e15, 1e12, 1e12, 50e9, 1e-6, 100, 700, 300, 30_000));
        }

        @Override
        public AcceleratorSpec spec() {
            return base.spec();
        }

        @Override
        public Roofline roofline() {
            return this;
        }

        @Override
        public MemoryModel memory() {
            return base;
        }

        @Override
        public Interconnect interconnect() {
            return base;
        }

        @Override
        public PowerModel power() {
            return base;
        }

        @Override
        public Optional<Price> price() {
            return base.price();
        }

        @Override
        public List<Precision> computePrecisions() {
            return base.computePrecisions();
        }

        @Override
        public double peakFlopsPerSecond(Precision precision) {
            return base.peakFlopsPerSecond(precision);
        }

        @Override
        public double kernelSeconds(Kernel kernel, Residency residency) {
            return kernel.count() * kernel.bytesRead().weights() / 1e12;
        }
    }

    private static PipelineSpec.Colocated onOneChip(SpeculativeDecoding speculative) {
        return new PipelineSpec.Colocated(PoolSpec.of("w", 1).withPrecision("bf16").withSpeculative(speculative));
    }

    @Test
    void aStepIsFourDraftPassesAndOneVerificationSharedByTheTokensItEmits() {
        Estimator estimator = EstimatorTest.estimator(new WeightReadingChip());
        Workload oneUser = Workload.closedLoop(1000, 500, 1);

        Estimate plain = estimator.estimate(LLAMA_70B, onOneChip(null), oneUser);
        Estimate speculative = estimator.estimate(LLAMA_70B, onOneChip(EIGHT_B_DRAFTS_FOUR), oneUser);

        // A step reads every weight once, except that the embedding reads the rows of its new tokens, not the table.
        // Llama-3.1-70B: 70,553,706,496 parameters − 128,256 × 8,192 = 1,050,673,152 in the table = 69,503,033,344
        // read, at 2 bytes = 139,006,066,688 bytes, plus 8,192 × 2 = 16,384 bytes per new token.
        assertThat(LLAMA_70B.totalParameters()).isEqualTo(70_553_706_496L);
        // plain decode, 1 new token: 139,006,083,072 bytes ÷ 1e12 B/s = 0.139006083072 s
        assertThat(plain.tpotSeconds()).isCloseTo(0.139006083072, within(1e-12));
        // verification of 4 proposals + 1: 139,006,066,688 + 5 × 16,384 = 139,006,148,608 bytes = 0.139006148608 s
        // (the LM head's weights are read once whatever its rows)
        // Llama-3.1-8B's pass: 8,030,261,248 − 128,256 × 4,096 = 7,504,924,672 parameters at 2 bytes
        // = 15,009,849,344, plus one 4,096 × 2 = 8,192-byte row = 15,009,857,536 bytes = 0.015009857536 s
        assertThat(LLAMA_8B.totalParameters()).isEqualTo(8_030_261_248L);
        Assumption.SpeculativeDecodingApplied applied = speculative.assumptions().stream()
                .filter(Assumption.SpeculativeDecodingApplied.class::isInstance)
                .map(Assumption.SpeculativeDecodingApplied.class::cast).findFirst().orElseThrow();
        assertThat(applied.verifySeconds()).isCloseTo(0.139006148608, within(1e-12));
        assertThat(applied.draftPassSeconds()).isCloseTo(0.015009857536, within(1e-12));
        // a step: 0.139006148608 + 4 × 0.015009857536 = 0.139006148608 + 0.060039430144 = 0.199045578752 s;
        // it emits (1 − 0.8^5) ÷ 0.2 = 3.3616 tokens; TPOT = 0.199045578752 ÷ 3.3616 = 0.0592115596 s
        assertThat(applied.tokensPerStep()).isCloseTo(3.3616, within(1e-12));
        assertThat(speculative.tpotSeconds()).isCloseTo(0.199045578752 / 3.3616, within(1e-12))
                .isCloseTo(0.0592115596, within(1e-10));
        // TTFT waits for the prompt (2,000 rows: 139,006,066,688 + 1,000 × 16,384 = 139,022,450,688 bytes) and a
        // whole first step: 0.139022450688 + 0.199045578752 = 0.33806802944 s
        assertThat(speculative.ttftSeconds()).isCloseTo(0.33806802944, within(1e-12));
        assertThat(plain.ttftSeconds()).isCloseTo(0.139022450688 + 0.139006083072, within(1e-12));
        assertThat(applied.draftModel()).isEqualTo("llama-3.1-8b");
        assertThat(applied.draftChips()).isEqualTo(1);
        assertThat(applied.draftWeightBytes()).isEqualTo(2 * 8_030_261_248d);
        assertThat(applied.basis()).isEqualTo(AssumptionBasis.ASSUMED_FIGURE);
    }

    @Test
    void headsOfOneLayerCostAOneLayerModelWithTheTargetsEmbeddingAndHead() {
        Estimator estimator = EstimatorTest.estimator(new WeightReadingChip());
        SpeculativeDecoding heads = new SpeculativeDecoding(new SpeculativeDecoding.Heads(1), 4, 0.8);

        Estimate estimate = estimator.estimate(LLAMA_70B, onOneChip(heads), Workload.closedLoop(1000, 500, 1));

        Assumption.SpeculativeDecodingApplied applied = estimate.assumptions().stream()
                .filter(Assumption.SpeculativeDecodingApplied.class::isInstance)
                .map(Assumption.SpeculativeDecodingApplied.class::cast).findFirst().orElseThrow();
        // one layer of Llama-3.1-70B: attention 8,192 × (8,192 + 2 × 1,024) + 8,192 × 8,192 = 150,994,944;
        // MLP 3 × 8,192 × 28,672 = 704,643,072; two norms 2 × 8,192 = 16,384: 855,654,400 parameters, 2 bytes each
        assertThat(applied.draftWeightBytes()).isEqualTo(2 * 855_654_400d);
        // a pass reads that layer, the final norm (8,192), the LM head (128,256 × 8,192 = 1,050,673,152) and one
        // embedding row (8,192): 1,906,343,936 parameters = 3,812,687,872 bytes = 0.003812687872 s
        assertThat(applied.draftPassSeconds()).isCloseTo(0.003812687872, within(1e-12));
        assertThat(applied.draftModel()).isNull();
        assertThat(applied.headLayers()).isEqualTo(1);
    }

    @Test
    void theDraftsWeightsAndCacheCountInTheChipsAnAutoPoolNeeds() {
        Estimator estimator = EstimatorTest.estimator(FakeChip.h100Like("gpu"));
        PoolSpec auto = PoolSpec.auto("gpu").withPrecision("bf16");
        Workload oneUser = Workload.closedLoop(1000, 500, 1);

        Estimate plain = estimator.estimate(LLAMA_70B, new PipelineSpec.Colocated(auto), oneUser);
        Estimate speculative = estimator.estimate(LLAMA_70B,
                new PipelineSpec.Colocated(auto.withSpeculative(EIGHT_B_DRAFTS_FOUR)), oneUser);

        // 72e9 usable bytes a chip. Plain: 141,107,412,992 bytes of weights + 1,500 tokens × 327,680 = 491,520,000 of
        // KV = 141,598,932,992, 70.8e9 a chip on 2. With the draft: + 16,060,522,496 of weights + 1,500 × 131,072 =
        // 196,608,000 of its KV = 157,856,063,488, 78.9e9 on 2, 52.6e9 on 3 (tp1 pp3 runs).
        assertThat(plain.phases().get(0).chipsPerInstance()).isEqualTo(2);
        assertThat(speculative.phases().get(0).chipsPerInstance()).isEqualTo(3);
    }

    @Test
    void aPrefillPoolCannotSpeculate() {
        Estimator estimator = EstimatorTest.estimator(new WeightReadingChip());
        PoolSpec pool = PoolSpec.of("w", 1).withPrecision("bf16");

        assertThatThrownBy(() -> estimator.estimate(LLAMA_70B, new PipelineSpec.Split(
                pool.withSpeculative(SpeculativeDecoding.defaults()), pool, null, false),
                Workload.closedLoop(1000, 500, 1)))
                .isInstanceOf(EstimateException.class)
                .hasMessage("the prefill pool cannot decode speculatively: it runs prompts only; give speculative"
                        + " decoding to the decode pool")
                .extracting(e -> ((EstimateException) e).fields()).asList().containsExactly("prefill.speculative");
    }

    @Test
    void aDraftOfAnotherVocabularyIsRefused() {
        SpeculativeDecoding llama2 = SpeculativeDecoding.defaults()
                .withDraft(new SpeculativeDecoding.DraftModel(CATALOG.get("llama-2-7b")));

        assertThatThrownBy(() -> EstimatorTest.estimator(new WeightReadingChip())
                .estimate(LLAMA_70B, onOneChip(llama2), Workload.closedLoop(1000, 500, 1)))
                .isInstanceOf(EstimateException.class)
                .hasMessage("the draft 'llama-2-7b' has a vocabulary of 32,000 tokens and 'llama-3.1-70b' one of"
                        + " 128,256: the target verifies the draft's token ids, so both need the same vocabulary;"
                        + " choose a draft of the target's family")
                .extracting(e -> ((EstimateException) e).fields()).asList()
                .containsExactly("colocated.speculative.draft");
    }

    @Test
    void aDraftNoSmallerThanTheTargetIsRefused() {
        SpeculativeDecoding bigDraft = SpeculativeDecoding.defaults()
                .withDraft(new SpeculativeDecoding.DraftModel(LLAMA_70B));

        assertThatThrownBy(() -> EstimatorTest.estimator(new WeightReadingChip())
                .estimate(LLAMA_8B, onOneChip(bigDraft), Workload.closedLoop(1000, 500, 1)))
                .isInstanceOf(EstimateException.class)
                .hasMessage("the draft 'llama-3.1-70b' (70.6 billion parameters) is not smaller than 'llama-3.1-8b'"
                        + " (8.03 billion): a draft proposes tokens faster than the target only when it is smaller;"
                        + " choose a smaller draft");
        assertThatThrownBy(() -> EstimatorTest.estimator(new WeightReadingChip()).estimate(LLAMA_70B,
                onOneChip(SpeculativeDecoding.defaults().withDraft(new SpeculativeDecoding.Heads(80))),
                Workload.closedLoop(1000, 500, 1)))
                .hasMessage("draft heads of 80 decoder layers are no smaller than 'llama-3.1-70b' with its 80 layers;"
                        + " give the heads fewer layers than the target");
    }
}
