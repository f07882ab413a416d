package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;

/** Generated deployments files: every mutant of a valid one is read into sound deployments or refused in one line. */
class DeploymentListPropertyTest {
    private static final String VALID = """
            deployments:
              - name: gpu+lpu
                description: "H100 prefill, LPU decode"
                args: "--prefill h100-sxm:8 --decode groq-lpu-v1:auto --prefill-precision fp8 --decode-tp 8"
              - name: unified
                pipeline: {colocated: {hardware: tt-wormhole-galaxy, chips: 32, instances: 2, precision: bfp8}}
                software: vllm
              - name: split
                pipeline:
                  prefill: {hardware: h100-sxm, chips: 8, tp: 8, maxBatch: 4}
                  decode: {hardware: groq-lpu-v1, chips: auto, chunkTokens: 2048}
                  link: roce-400g
                  layerStreaming: true
            """;

    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, mutants(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> pipelines(DeploymentList.read("deployments.yaml", new String(file, StandardCharsets.UTF_8),
                        UnaryOperator.identity())),
                SplitInferException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    /** The deployments' pipelines, records all the way down, for the outcome check. */
    private static List<PipelineSpec> pipelines(List<DeploymentList.Deployment> deployments) {
        List<PipelineSpec> pipelines = new ArrayList<>();
        for (DeploymentList.Deployment deployment : deployments) {
            pipelines.add(deployment.pipeline());
        }
        return pipelines;
    }

    private static Generator<byte[]> mutants() {
        return Mutations.of(VALID, Mutations.Syntax.YAML);
    }
}
