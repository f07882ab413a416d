package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Precision;

/** Parameter counts of catalog models against published figures, each worked out by hand. */
class ModelSpecParameterCountTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    @Test
    void llama2With7BillionParametersMatchesItsPublishedCount() {
        // per layer: attention 4 × 4096² = 67,108,864; MLP 3 × 4096 × 11008 = 135,266,304; norms 2 × 4096 = 8,192
        //   → 202,383,360 × 32 layers = 6,476,267,520
        // embedding + LM head 2 × 32000 × 4096 = 262,144,000; final norm 4,096
        long expected = 6_476_267_520L + 262_144_000L + 4_096L;
        assertThat(expected).isEqualTo(6_738_415_616L);
        assertThat((double) CATALOG.get("llama-2-7b").totalParameters()).isCloseTo(6_738_415_616d, withinPercentage(0.1));
    }

    @Test
    void llama2With70BillionParametersMatchesItsPublishedCount() {
        // per layer: q and o 2 × 8192² = 134,217,728; k and v 2 × 8192 × 1024 = 16,777,216;
        //   MLP 3 × 8192 × 28672 = 704,643,072; norms 16,384 → 855,654,400 × 80 = 68,452,352,000
        // embedding + LM head 2 × 32000 × 8192 = 524,288,000; final norm 8,192
        long expected = 68_452_352_000L + 524_288_000L + 8_192L;
        assertThat(expected).isEqualTo(68_976_648_192L);
        assertThat((double) CATALOG.get("llama-2-70b").totalParameters()).isCloseTo(68_976_648_192d, withinPercentage(0.1));
    }

    @Test
    void llama31With8BillionParametersMatchesItsPublishedCount() {
        // per layer: q and o 2 × 4096² = 33,554,432; k and v 2 × 4096 × 1024 = 8,388,608;
        //   MLP 3 × 4096 × 14336 = 176,160,768; norms 8,192 → 218,112,000 × 32 = 6,979,584,000
        // embedding + LM head 2 × 128256 × 4096 = 1,050,673,152; final norm 4,096
        long expected = 6_979_584_000L + 1_050_673_152L + 4_096L;
        assertThat(expected).isEqualTo(8_030_261_248L);
        assertThat((double) CATALOG.get("llama-3.1-8b").totalParameters()).isCloseTo(8_030_261_248d, withinPercentage(0.1));
    }

    @Test
    void llama31With70BillionParametersMatchesItsPublishedCount() {
        // layers as Llama 2 70B: 68,452,352,000; embedding + LM head 2 × 128256 × 8192 = 2,101,346,304; norm 8,192
        long expected = 68_452_352_000L + 2_101_346_304L + 8_192L;
        assertThat(expected).isEqualTo(70_553_706_496L);
        assertThat((double) CATALOG.get("llama-3.1-70b").totalParameters()).isCloseTo(70_553_706_496d, withinPercentage(0.1));
        assertThat(CATALOG.get("llama-3.3-70b").totalParameters()).isEqualTo(CATALOG.get("llama-3.1-70b").totalParameters());
    }

    @Test
    void llama31With405BillionParametersMatchesItsPublishedCount() {
        // per layer: q and o 2 × 16384² = 536,870,912; k and v 2 × 16384 × 1024 = 33,554,432;
        //   MLP 3 × 16384 × 53248 = 2,617,245,696; norms 32,768 → 3,187,703,808 × 126 = 401,650,679,808
        // embedding + LM head 2 × 128256 × 16384 = 4,202,692,608; final norm 16,384
        long expected = 401_650_679_808L + 4_202_692_608L + 16_384L;
        assertThat(expected).isEqualTo(405_853_388_800L);
        assertThat((double) CATALOG.get("llama-3.1-405b").totalParameters()).isCloseTo(405_853_388_800d, withinPercentage(0.1));
    }

    @Test
    void mixtral8x7bCountsEveryExpertInTotalAndTwoInActive() {
        ModelSpec mixtral = CATALOG.get("mixtral-8x7b");
        // per layer: attention 2 × 4096² + 2 × 4096 × 1024 = 41,943,040; router 4096 × 8 = 32,768;
        //   one expert 3 × 4096 × 14336 = 176,160,768; norms 8,192
        // total: (41,943,040 + 32,768 + 8 × 176,160,768 + 8,192) × 32 + 2 × 32000 × 4096 + 4,096
        long total = (41_943_040L + 32_768L + 8 * 176_160_768L + 8_192L) * 32 + 262_144_000L + 4_096L;
        // active: the same with 2 experts per layer
        long active = (41_943_040L + 32_768L + 2 * 176_160_768L + 8_192L) * 32 + 262_144_000L + 4_096L;
        assertThat(total).isEqualTo(46_702_792_704L);
        assertThat(active).isEqualTo(12_879_925_248L);
        assertThat((double) mixtral.totalParameters()).isCloseTo(46_702_792_704d, withinPercentage(0.1));
        assertThat((double) mixtral.activeParameters()).isCloseTo(12_879_925_248d, withinPercentage(0.1));
    }

    @Test
    void deepSeekV3Has671BillionParametersWith37BillionActive() {
        ModelSpec deepseek = CATALOG.get("deepseek-v3");
        // MLA per layer: q_a 7168 × 1536 + norm 1536 + q_b 1536 × 128 × 192 + kv_a 7168 × 576 + norm 512
        //   + kv_b 512 × 128 × 256 + o 128 × 128 × 7168 = 187,107,328
        long attention = 7168L * 1536 + 1536 + 1536L * 128 * 192 + 7168L * 576 + 512 + 512L * 128 * 256
                + 128L * 128 * 7168;
        assertThat(attention).isEqualTo(187_107_328L);
        long expert = 3L * 7168 * 2048;                   // 44,040,192
        long router = 7168L * 256 + 256;                  // gate and score-correction bias
        long dense = attention + 14_336 + 3L * 7168 * 18432;
        long moeTotal = attention + 14_336 + router + 257 * expert;     // 256 routed + 1 shared
        long moeActive = attention + 14_336 + router + 9 * expert;      // 8 routed + 1 shared
        long outside = 2L * 129280 * 7168 + 7168;
        long total = 3 * dense + 58 * moeTotal + outside;
        long active = 3 * dense + 58 * moeActive + outside;
        assertThat(deepseek.totalParameters()).isEqualTo(total);
        assertThat(deepseek.activeParameters()).isEqualTo(active);
        assertThat((double) deepseek.totalParameters()).isCloseTo(671.0e9, withinPercentage(0.5));
        assertThat((double) deepseek.activeParameters()).isCloseTo(37.5e9, withinPercentage(2));
    }

    @Test
    void bloomCountsLayerNormBiasesAndTheEmbeddingNormExactly() {
        // per layer: 12 × 14336² + 13 × 14336 (QKV and output with biases, 4h MLP with biases, two LayerNorms)
        long layer = 12L * 14336 * 14336 + 13L * 14336;
        long expected = 70 * layer + 250880L * 14336 + 2 * 2L * 14336;   // tied embedding, embedding and final LN
        assertThat(expected).isEqualTo(176_247_271_424L);
        assertThat(CATALOG.get("bloom-176b").totalParameters()).isEqualTo(176_247_271_424L);
    }

    @Test
    void gptOssCountsAttentionSinksAndBiasesAndKeepsActiveNearItsCard() {
        ModelSpec gptOss = CATALOG.get("gpt-oss-120b");
        // attention: q 2880 × 4096 + 4096, k and v 2 × (2880 × 512 + 512), o 4096 × 2880 + 2880, sinks 64
        long attention = 2880L * 4096 + 4096 + 2 * (2880L * 512 + 512) + 4096L * 2880 + 2880 + 64;
        long expert = 2880L * 5760 + 5760 + 2880L * 2880 + 2880;
        long layer = attention + (2880L * 128 + 128) + 128 * expert + 2 * 2880;
        long total = 36 * layer + 2 * 201088L * 2880 + 2880;
        assertThat(gptOss.totalParameters()).isEqualTo(total);
        assertThat((double) total).isCloseTo(116.83e9, withinPercentage(0.1));
        // the card's 5.13B active excludes the 0.58B embedding table this convention keeps
        assertThat(gptOss.activeParameters() - 201088L * 2880).isCloseTo(5_130_000_000L, within(10_000_000L));
    }

    @Test
    void weightBytesHonourPerGroupOverrides() {
        ModelSpec gptOss = CATALOG.get("gpt-oss-120b");
        // the down projections take the experts' MXFP4 unless named apart
        double routed = gptOss.parameters(TensorGroup.ROUTED_EXPERTS) + gptOss.parameters(TensorGroup.ROUTED_EXPERTS_DOWN);
        double rest = gptOss.totalParameters() - routed;
        // MXFP4 is 4.25 bits per element, BF16 16
        assertThat(gptOss.nativeWeightBytes()).isCloseTo(routed * 4.25 / 8 + rest * 2, within(1.0));
    }

    @Test
    void aFeedForwardBlocksDownProjectionIsItsOwnGroup() {
        ModelSpec llama = CATALOG.get("llama-3.1-8b");
        // 32 layers × 4096 hidden × 14336 intermediate: gate and up two matrices, down one
        assertThat(llama.parameters(TensorGroup.DENSE_MLP)).isEqualTo(32L * 2 * 4096 * 14336);
        assertThat(llama.parameters(TensorGroup.DENSE_MLP_DOWN)).isEqualTo(32L * 4096 * 14336);
        // tt-metal's performance mode: FF1/FF3 BFP4 (4.5 bits), FF2 and the rest BFP8 (8.5 bits)
        ModelPrecision mode = ModelPrecision.uniform(Precision.BFP8).withOverride(TensorGroup.DENSE_MLP, Precision.BFP4)
                .withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP8);
        double gateUp = 32.0 * 2 * 4096 * 14336;
        assertThat(llama.weightBytes(mode)).isCloseTo(gateUp * 4.5 / 8 + (llama.totalParameters() - gateUp) * 8.5 / 8,
                within(1.0));
    }
}
