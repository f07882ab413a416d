package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;

/** Generated pipeline files: every mutant of a valid one is read into a sound pipeline or refused in one line. */
class PipelineFilePropertyTest {
    private static final String VALID = """
            prefill: {hardware: h100-sxm, chips: 8, instances: 2, tp: 8, pp: 1, precision: fp8, chunkTokens: 8192}
            decode: {hardware: groq-lpu-v1, chips: auto, precision: "weights=int8,activations=int8,kv=fp8", maxBatch: 64}
            link: infiniband-ndr-400g
            layerStreaming: false
            """;

    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, mutants(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> PipelineFile.parse("p.yaml", new String(file, StandardCharsets.UTF_8)),
                EstimateException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    private static Generator<byte[]> mutants() {
        return Mutations.of(VALID, Mutations.Syntax.YAML);
    }
}
