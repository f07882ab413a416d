package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineFileTest {

    @Test
    void aSplitPipelineReadsBothPoolsTheLinkAndStreaming() {
        PipelineSpec pipeline = PipelineFile.parse("split.yaml", """
                prefill: {hardware: h100-sxm, chips: 8, tp: 8, pp: 1, precision: fp8}
                decode: {hardware: groq-lpu-v1, chips: auto, instances: 2, precision: int8}
                link: roce-400g
                layerStreaming: true
                """);

        assertThat(pipeline).isEqualTo(new PipelineSpec.Split(PoolSpec.of("h100-sxm", 8).withLayout(8, 1)
                .withPrecision("fp8"), PoolSpec.auto("groq-lpu-v1").withInstances(2).withPrecision("int8"),
                "roce-400g", true));
    }

    @Test
    void aColocatedPipelineLeavesEveryChoiceToTheEstimatorByDefault() {
        PipelineSpec pipeline = PipelineFile.parse("one.yaml", "colocated: {hardware: tt-wormhole-galaxy}\n");

        assertThat(pipeline).isEqualTo(PipelineSpec.colocated(PoolSpec.auto("tt-wormhole-galaxy")));
        assertThat(((PipelineSpec.Colocated) pipeline).pool().autoChips()).isTrue();
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        assertThatThrownBy(() -> PipelineFile.parse("bad.yaml", """
                prefill: {hardware: h100-sxm, chps: 8, instances: 0}
                colocated: {hardware: h100-sxm}
                layerStreaming: maybe
                """))
                .isInstanceOf(EstimateException.class)
                .hasMessage("bad.yaml has 4 problems: prefill.chps: unknown key; did you mean 'chips'?;"
                        + " prefill.instances: must be a whole number from 1 to 1,048,576, got '0';"
                        + " layerStreaming: must be true or false, got 'maybe';"
                        + " give either prefill and decode (split) or colocated, not both;"
                        + " the schema is on PipelineFile (and in the README's 'Pipeline files')");
    }

    @Test
    void aFileWithoutPoolsSaysWhatItNeeds() {
        assertThatThrownBy(() -> PipelineFile.parse("empty.yaml", "link: roce-400g\n"))
                .hasMessageContaining("no pool: give prefill and decode (split) or colocated");
    }
}
