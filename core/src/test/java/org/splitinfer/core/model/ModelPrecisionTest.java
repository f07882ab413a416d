package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Precision;

class ModelPrecisionTest {

    private static final String FORMATS = "valid formats are fp32, bf16, fp16, fp8, int8, nvfp4 (alias fp4), mxfp4, "
            + "int4, bfp8 and bfp4";

    private static final String KEYS = "valid keys are weights, activations and kv, and for one tensor group's weights "
            + "embedding, attention, dense_mlp, dense_mlp_down, router, routed_experts, routed_experts_down, "
            + "shared_experts, shared_experts_down, norms or lm_head";

    @Test
    void oneFormatSetsWeightsActivationsAndKv() {
        assertThat(ModelPrecision.parse("fp8")).isEqualTo(ModelPrecision.uniform(Precision.FP8));
    }

    @Test
    void pairsSetEachClassAndFp4MeansNvfp4() {
        assertThat(ModelPrecision.parse("weights=fp4,activations=fp8,kv=fp8"))
                .isEqualTo(ModelPrecision.of(Precision.NVFP4, Precision.FP8, Precision.FP8));
    }

    @Test
    void keysLeftOutKeepTheBaseAndItsOverridesUnlessWeightsAreNamed() {
        ModelPrecision gptOss = ModelPrecision.BF16.withOverride(TensorGroup.ROUTED_EXPERTS, Precision.MXFP4);
        ModelPrecision kvOnly = ModelPrecision.parse(" KV = FP8 ", gptOss);
        assertThat(kvOnly.kvCache()).isEqualTo(Precision.FP8);
        assertThat(kvOnly.weightsOf(TensorGroup.ROUTED_EXPERTS)).isEqualTo(Precision.MXFP4);
        assertThat(ModelPrecision.parse("weights=int4", gptOss).weightOverrides()).isEmpty();
    }

    @Test
    void unknownFormatListsTheValidOnes() {
        assertThatThrownBy(() -> ModelPrecision.parse("weights=fp5,kv=fp8"))
                .isInstanceOf(PrecisionFormatException.class)
                .hasMessage("precision 'weights=fp5,kv=fp8' names unknown format 'fp5'; " + FORMATS + ".");
    }

    @Test
    void unknownKeyListsTheValidKeysAndFormats() {
        assertThatThrownBy(() -> ModelPrecision.parse("wieghts=fp8"))
                .isInstanceOf(PrecisionFormatException.class)
                .hasMessage("precision 'wieghts=fp8' has unknown key 'wieghts'; " + KEYS + ", and " + FORMATS + ".");
    }

    @Test
    void repeatedKeyIsRejected() {
        assertThatThrownBy(() -> ModelPrecision.parse("kv=fp8,kv=bf16"))
                .isInstanceOf(PrecisionFormatException.class)
                .hasMessage("precision 'kv=fp8,kv=bf16' names key 'kv' twice; give each key at most once.");
        assertThatThrownBy(() -> ModelPrecision.parse("dense_mlp=bfp4,DENSE_MLP=bfp8"))
                .isInstanceOf(PrecisionFormatException.class)
                .hasMessage("precision 'dense_mlp=bfp4,DENSE_MLP=bfp8' names key 'dense_mlp' twice; give each key at "
                        + "most once.");
    }

    @Test
    void overridesEqualToTheDefaultAreDropped() {
        assertThat(ModelPrecision.BF16.withOverride(TensorGroup.ATTENTION, Precision.BF16).weightOverrides()).isEmpty();
    }

    @Test
    void aDownProjectionTakesItsBlocksFormatUnlessNamedApart() {
        ModelPrecision mlp4 = ModelPrecision.uniform(Precision.BFP8).withOverride(TensorGroup.DENSE_MLP, Precision.BFP4);
        assertThat(mlp4.weightsOf(TensorGroup.DENSE_MLP_DOWN)).isEqualTo(Precision.BFP4);
        // naming the down projection at the default format is kept: without it the block's BFP4 would apply
        ModelPrecision performance = mlp4.withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP8);
        assertThat(performance.weightsOf(TensorGroup.DENSE_MLP_DOWN)).isEqualTo(Precision.BFP8);
        assertThat(performance.weightOverrides()).containsOnlyKeys(TensorGroup.DENSE_MLP, TensorGroup.DENSE_MLP_DOWN);
        // and one that repeats its block's format is dropped
        assertThat(mlp4.withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP4).weightOverrides())
                .containsOnlyKeys(TensorGroup.DENSE_MLP);
    }

    @Test
    void aTensorGroupKeySetsThatGroupsWeightsBesideTheWeightFormat() {
        // tt_transformers' performance mode: FF1/FF3 in BFP4, FF2 and everything else in BFP8
        ModelPrecision performance = ModelPrecision.parse(
                "weights=bfp8,activations=bf16,kv=bfp8,dense_mlp=bfp4,dense_mlp_down=bfp8");
        assertThat(performance).isEqualTo(ModelPrecision.of(Precision.BFP8, Precision.BF16, Precision.BFP8)
                .withOverride(TensorGroup.DENSE_MLP, Precision.BFP4)
                .withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP8));
        assertThat(performance.weightsOf(TensorGroup.DENSE_MLP)).isEqualTo(Precision.BFP4);
        assertThat(performance.weightsOf(TensorGroup.DENSE_MLP_DOWN)).isEqualTo(Precision.BFP8);
        assertThat(performance.weightsOf(TensorGroup.ATTENTION)).isEqualTo(Precision.BFP8);
    }

    @Test
    void namingWeightsKeepsOnlyTheOverridesNamedBesideIt() {
        ModelPrecision gptOss = ModelPrecision.BF16.withOverride(TensorGroup.ROUTED_EXPERTS, Precision.MXFP4);
        ModelPrecision fp8Attention = ModelPrecision.parse("weights=int4,attention=fp8", gptOss);
        assertThat(fp8Attention.weightOverrides()).containsOnlyKeys(TensorGroup.ATTENTION);
        // without weights the base's overrides stay and a named group is added to them
        ModelPrecision both = ModelPrecision.parse("lm_head=fp8", gptOss);
        assertThat(both.weightOverrides()).containsOnlyKeys(TensorGroup.ROUTED_EXPERTS, TensorGroup.LM_HEAD);
    }

    @Test
    void toStringIsTheSyntaxParseReads() {
        ModelPrecision performance = ModelPrecision.of(Precision.BFP8, Precision.BF16, Precision.BFP8)
                .withOverride(TensorGroup.DENSE_MLP, Precision.BFP4)
                .withOverride(TensorGroup.DENSE_MLP_DOWN, Precision.BFP8);
        assertThat(performance.toString())
                .isEqualTo("weights=bfp8,activations=bf16,kv=bfp8,dense_mlp=bfp4,dense_mlp_down=bfp8");
        assertThat(ModelPrecision.parse(performance.toString(), ModelPrecision.BF16)).isEqualTo(performance);
    }
}
