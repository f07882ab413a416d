package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A case's counts are read exactly and within the limits, so nothing downstream divides by a wrapped zero. */
class ValidationCasesLimitsTest {
    private static final String CASE = """
            cases:
              - id: c
                source: s
                model: llama-2-70b
                hardware: h100-sxm
                chips: 8
                parallelism: {tp: 2, pp: 2}
                precision: {weights: fp8, activations: fp8, kvCache: fp8}
                scenario: decode-step
                workload: {batch: 16, contextTokens: 1024}
                metric: seconds
                value: 0.03
            """;

    @Test
    void tensorTimesPipelinePastAnIntIsNamedNotDividedByZero() {
        // 65,536 × 65,536 = 2^32, which an int holds as 0: chips % 0 threw "/ by zero", an internal failure
        assertThatThrownBy(() -> Cases.read(CASE.replace("{tp: 2, pp: 2}", "{tp: 65536, pp: 65536}")))
                .isInstanceOfSatisfying(CaseFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "cases[0] 'c': key 'parallelism': tp × pp = 4294967296 does not divide chips 8; give a tp"
                                + " and pp whose product divides the chips"));
    }

    @Test
    void aChipCountPastAnIntIsRefusedNotWrapped() {
        assertThatThrownBy(() -> Cases.read(CASE.replace("chips: 8", "chips: 4294967304")))
                .isInstanceOfSatisfying(CaseFileException.class, e -> assertThat(e.problems()).contains(
                        "cases[0] 'c': key 'chips' must be a whole number of chips from 1 to 1,048,576, or auto; got"
                                + " 4294967304"));
    }

    @Test
    void countsPastTheLimitsAndFractionsAreRefused() {
        assertThatThrownBy(() -> Cases.read(CASE.replace("{tp: 2, pp: 2}", "{tp: 2000000, pp: 2}")))
                .isInstanceOfSatisfying(CaseFileException.class, e -> assertThat(e.problems()).contains(
                        "cases[0] 'c': key 'parallelism.tp' must be a whole number from 1 to 1,048,576, got 2000000"));
        assertThatThrownBy(() -> Cases.read(CASE.replace("contextTokens: 1024", "contextTokens: 1024.5")))
                .isInstanceOfSatisfying(CaseFileException.class, e -> assertThat(e.problems()).contains(
                        "cases[0] 'c': key 'workload.contextTokens' must be a whole number from 0 to 16,777,216, got"
                                + " 1024.5"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Cases.read(CASE.replace("    metric: seconds\n", "    metric: seconds\n    metric: seconds\n")))
                .isInstanceOf(CaseFileException.class)
                .hasMessage("case file test.yaml:12:11: key 'metric' appears twice in one mapping; keep one.");
    }
}
