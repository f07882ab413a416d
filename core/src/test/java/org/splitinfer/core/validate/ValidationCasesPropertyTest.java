package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;

/** Generated case files: every mutant of a valid one is read into sound cases or refused in one line. */
class ValidationCasesPropertyTest {
    /** The unit tests' decode-step case, then an offline case with auto chips and a closed loop. */
    private static final String VALID = ValidationCasesTest.DECODE + """
              - id: offline
                source: "MLPerf"
                model: llama-2-70b
                hardware: h100-sxm
                chips: auto
                precision: {weights: fp8, activations: fp8, kvCache: fp8}
                scenario: offline
                workload: {inputTokens: 300.5, outputTokens: 273}
                metric: outputTokensPerSecond
                value: 24524.9
              - id: loop
                source: "a vendor page"
                model: llama-3.1-8b
                hardware: h100-sxm
                chips: 1
                precision: {weights: bf16, activations: bf16, kvCache: bf16}
                scenario: fixed-concurrency
                workload: {concurrency: 32, inputTokens: 128, outputTokens: 128}
                metric: outputTokensPerSecondPerUser
                value: 50
            """;

    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, mutants(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> ValidationCases.read("cases.yaml", new ByteArrayInputStream(file)), CaseFileException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    private static Generator<byte[]> mutants() {
        return Mutations.of(VALID, Mutations.Syntax.YAML);
    }
}
