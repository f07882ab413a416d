package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.TensorGroup;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;

class ValidationCasesTest {

    /** A valid file of one decode-step case; the generated tests mutate it too. */
    static final String DECODE = """
            cases:
              - id: a100-decode
                source: "Splitwise profile"
                model: llama-2-70b
                layers: 1
                hardware: a100-sxm-80gb
                chips: 8
                parallelism: {tp: 2, pp: 2}
                precision: {weights: fp16, activations: fp16, kvCache: fp8}
                software: vllm
                scenario: decode-step
                workload: {batch: 16, contextTokens: 1024}
                metric: seconds
                value: 0.0342
                notes: "approximate context"
            """;

    @Test
    void readsEveryFieldOfACase() {
        ValidationCase c = Cases.read(DECODE).get(0);

        assertThat(c.id()).isEqualTo("a100-decode");
        assertThat(c.source()).isEqualTo("Splitwise profile");
        assertThat(c.model()).isEqualTo("llama-2-70b");
        assertThat(c.layers()).isEqualTo(1);
        assertThat(c.hardware()).isEqualTo("a100-sxm-80gb");
        assertThat(c.chips()).isEqualTo(ChipCount.of(8));
        // dp derived: 8 chips / (tp 2 × pp 2) = 2; ep defaults to 1
        assertThat(c.parallelism()).isEqualTo(new ParallelLayout(2, 2, 1, 2));
        assertThat(c.precision()).isEqualTo(ModelPrecision.of(Precision.FP16, Precision.FP16, Precision.FP8));
        assertThat(c.software()).isEqualTo("vllm");
        assertThat(c.scenario()).isEqualTo(Scenario.DECODE_STEP);
        assertThat(c.workload()).isEqualTo(new Workload.DecodeStep(16, 1024));
        assertThat(c.metric()).isEqualTo(Metric.SECONDS);
        assertThat(c.value()).isEqualTo(0.0342);
        assertThat(c.notes()).isEqualTo("approximate context");
    }

    @Test
    void optionalKeysMayBeLeftOutAndChipsMayBeAuto() {
        ValidationCase c = Cases.read("""
                cases:
                  - id: groq-per-user
                    source: "an API benchmark"
                    model: llama-3.1-8b
                    hardware: groq-lpu-v1
                    chips: auto
                    precision: {weights: int8, activations: int8, kvCache: int8}
                    scenario: single-stream
                    workload: {inputTokens: 1000, outputTokens: 500}
                    metric: outputTokensPerSecondPerUser
                    value: 751
                """).get(0);

        assertThat(c.chips()).isEqualTo(ChipCount.AUTO);
        assertThat(c.chips()).hasToString("auto");
        assertThat(c.layers()).isNull();
        assertThat(c.parallelism()).isNull();
        assertThat(c.software()).isNull();
        assertThat(c.notes()).isNull();
        assertThat(c.workload()).isEqualTo(new Workload.SingleStream(1000, 500));
        assertThat(c.value()).isEqualTo(751.0);
    }

    @Test
    void readsTheWorkloadOfEachScenario() {
        List<ValidationCase> cases = Cases.read("""
                cases:
                  - {id: p, source: s, model: m, hardware: h, chips: 1, precision: {weights: fp8, activations: fp8, kvCache: fp8},
                     scenario: prefill, workload: {batch: 2, inputTokens: 128}, metric: seconds, value: 0.1}
                  - {id: f, source: s, model: m, hardware: h, chips: 1, precision: {weights: bfp8, activations: bf16, kvCache: bfp8},
                     scenario: fixed-concurrency, workload: {concurrency: 32, inputTokens: 128, outputTokens: 64},
                     metric: outputTokensPerSecond, value: 800}
                  - {id: o, source: s, model: m, hardware: h, chips: 8, parallelism: {tp: 1, dp: 8},
                     precision: {weights: fp4, activations: fp4, kvCache: fp8},
                     scenario: offline, workload: {inputTokens: 300.5, outputTokens: 273}, metric: tokensPerJoule, value: 4.48}
                """);

        assertThat(cases).extracting(ValidationCase::workload).containsExactly(
                new Workload.Prefill(2, 128),
                new Workload.FixedConcurrency(32, 128, 64),
                new Workload.Offline(300.5, 273));
        assertThat(cases.get(2).parallelism()).isEqualTo(new ParallelLayout(1, 1, 1, 8));
        assertThat(cases.get(2).precision().weights()).isEqualTo(Precision.NVFP4);
    }

    private static final String SPECULATIVE = """
            cases:
              - id: spec
                source: "an API benchmark"
                model: llama-3.1-70b
                hardware: cerebras-wse3
                chips: auto
                precision: {weights: bf16, activations: bf16, kvCache: bf16}
                speculative: {draft: llama-3.1-8b, tokens: 5, acceptance: 0.7}
                scenario: single-stream
                workload: {inputTokens: 1000, outputTokens: 500}
                metric: outputTokensPerSecondPerUser
                value: 2100
            """;

    @Test
    void aCaseSaysItWasMeasuredWithSpeculativeDecodingAndWhatWasPublishedOfIt() {
        ValidationCase published = Cases.read(SPECULATIVE).get(0);
        ValidationCase unpublished = Cases.read(SPECULATIVE.replace("{draft: llama-3.1-8b, tokens: 5, acceptance: 0.7}",
                "{}")).get(0);
        ValidationCase plain = Cases.read(SPECULATIVE.replace(
                "    speculative: {draft: llama-3.1-8b, tokens: 5, acceptance: 0.7}\n", "")).get(0);

        assertThat(published.speculative()).isEqualTo(new Speculation("llama-3.1-8b", OptionalInt.of(5),
                OptionalDouble.of(0.7)));
        assertThat(unpublished.speculative()).isEqualTo(new Speculation(null, OptionalInt.empty(),
                OptionalDouble.empty()));
        assertThat(plain.speculative()).isNull();
    }

    @Test
    void aSpeculativeKeyOutOfItsRangesOrOnAOnePassScenarioIsAProblemOfTheCase() {
        String bad = SPECULATIVE.replace("{draft: llama-3.1-8b, tokens: 5, acceptance: 0.7}",
                "{draft: 3, tokens: 0, acceptance: 1, acceptence: 0.5}");
        assertThatThrownBy(() -> Cases.read(bad))
                .isInstanceOf(CaseFileException.class)
                .hasMessage("case file 'test.yaml' is invalid: cases[0] 'spec': unknown key 'speculative.acceptence' (did"
                        + " you mean 'speculative.acceptance'?); cases[0] 'spec': key 'speculative.draft' must be a"
                        + " model id or 'heads', got 3; cases[0] 'spec': key 'speculative.tokens' must be a whole"
                        + " number from 1 to 32, got 0; cases[0] 'spec': key 'speculative.acceptance' must be a"
                        + " probability above 0 and below 1, got 1.");
        String onePass = """
                cases:
                  - {id: p, source: s, model: m, hardware: h, chips: 1, precision: {weights: fp8, activations: fp8, kvCache: fp8},
                     speculative: {}, scenario: prefill, workload: {batch: 2, inputTokens: 128}, metric: seconds, value: 0.1}
                """;
        assertThatThrownBy(() -> Cases.read(onePass))
                .hasMessage("case file 'test.yaml' is invalid: cases[0] 'p': key 'speculative' applies to a request"
                        + " scenario (single-stream, fixed-concurrency, offline), not to 'prefill', which measures one"
                        + " pass.");
        assertThatThrownBy(() -> Cases.read(SPECULATIVE.replace("{draft: llama-3.1-8b, tokens: 5, acceptance: 0.7}",
                "fast")))
                .hasMessageContaining("key 'speculative' must be a mapping {draft, tokens, acceptance} (each optional;"
                        + " {} when nothing of it was published), got text 'fast'");
    }

    @Test
    void aMetricThatIsNotMeasuredInTheScenarioIsNotAFileError() {
        ValidationCase c = Cases.read("""
                cases:
                  - {id: x, source: s, model: m, hardware: h, chips: 8, precision: {weights: fp8, activations: fp8, kvCache: fp8},
                     scenario: offline, workload: {inputTokens: 300, outputTokens: 273}, metric: seconds, value: 1}
                """).get(0);

        assertThat(c.metricProblem()).contains("metric 'seconds' is not measured in scenario 'offline';"
                + " use one of outputTokensPerSecond, tokensPerJoule");
    }

    @Test
    void anUnknownKeyIsRejectedWithASuggestion() {
        assertThatThrownBy(() -> Cases.read(DECODE.replace("workload:", "workoad:")))
                .isInstanceOf(CaseFileException.class)
                .isInstanceOf(SplitInferException.class)
                .hasMessage("case file 'test.yaml' is invalid: cases[0] 'a100-decode': unknown key 'workoad'"
                        + " (did you mean 'workload'?); cases[0] 'a100-decode': key 'workload' is required"
                        + " (the scenario's fields).");
    }

    @Test
    void aCaseStoresSomeTensorGroupsInOtherFormats() {
        List<ValidationCase> cases = Cases.read(DECODE.replace("kvCache: fp8}",
                "kvCache: fp8, overrides: {dense_mlp: fp8, dense_mlp_down: fp16}}"));

        ModelPrecision precision = cases.get(0).precision();
        assertThat(precision.weightsOf(TensorGroup.DENSE_MLP)).isEqualTo(Precision.FP8);
        assertThat(precision.weightsOf(TensorGroup.DENSE_MLP_DOWN)).isEqualTo(Precision.FP16);
        assertThat(precision.weightsOf(TensorGroup.ATTENTION)).isEqualTo(Precision.FP16);
    }

    @Test
    void anOverrideOfNoTensorGroupOrFormatIsAProblemOfTheCase() {
        assertThatThrownBy(() -> Cases.read(DECODE.replace("kvCache: fp8}",
                "kvCache: fp8, overrides: {mlp: fp8, attention: fp7}}")))
                .isInstanceOf(CaseFileException.class)
                .hasMessageContaining("cases[0] 'a100-decode': key 'precision.overrides.mlp' names no tensor group;"
                        + " groups are embedding, attention, dense_mlp, dense_mlp_down,")
                .hasMessageContaining("cases[0] 'a100-decode': key 'precision.overrides.attention' names unknown"
                        + " format 'fp7'; valid formats are");
    }

    @Test
    void aWorkloadFieldOfAnotherScenarioIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> Cases.read(DECODE.replace("contextTokens: 1024", "contextTokens: 1024, inputTokens: 9")))
                .hasMessage("case file 'test.yaml' is invalid: cases[0] 'a100-decode': unknown key"
                        + " 'workload.inputTokens' for scenario 'decode-step' (valid keys: batch, contextTokens).");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceWithItsCaseAndKey() {
        String yaml = """
                cases:
                  - id: Bad_Id
                    source: s
                    model: m
                    hardware: h
                    chips: 8
                    parallelism: {tp: 3}
                    precision: {weights: fp7, activations: fp8}
                    scenario: prefill
                    workload: {batch: 0, inputTokens: 512}
                    metric: sekonds
                    value: -1
                  - id: ok
                    source: s
                    model: m
                    hardware: h
                    chips: many
                    precision: {weights: fp8, activations: fp8, kvCache: fp8}
                    scenario: offlin
                    workload: {inputTokens: 1, outputTokens: 1}
                    metric: seconds
                  - id: ok
                    source: s
                    model: m
                    hardware: h
                    chips: 4
                    parallelism: {tp: 2, dp: 4}
                    precision: {weights: fp8, activations: fp8, kvCache: fp8}
                    scenario: prefill
                    workload: {batch: 1, inputTokens: 1}
                    metric: seconds
                    value: 1
                """;

        assertThatThrownBy(() -> Cases.read(yaml))
                .isInstanceOfSatisfying(CaseFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "cases[0]: key 'id' must be lowercase letters, digits, '.' and '-', got 'Bad_Id'",
                        "cases[0]: key 'parallelism': tp × pp = 3 does not divide chips 8; give a tp and pp whose"
                                + " product divides the chips",
                        "cases[0]: key 'precision.weights' names unknown format 'fp7'; valid formats are fp32, bf16,"
                                + " fp16, fp8, int8, nvfp4 (alias fp4), mxfp4, int4, bfp8 and bfp4",
                        "cases[0]: key 'precision.kvCache' is required (valid formats are fp32, bf16, fp16, fp8,"
                                + " int8, nvfp4 (alias fp4), mxfp4, int4, bfp8 and bfp4)",
                        "cases[0]: key 'workload.batch' must be a whole number from 1 to 1,048,576, got 0",
                        "cases[0]: key 'metric' must be one of seconds, ttftSeconds, outputTokensPerSecondPerUser,"
                                + " outputTokensPerSecond, tokensPerJoule, got 'sekonds' (did you mean 'seconds'?)",
                        "cases[0]: key 'value' must be a positive, finite number in the metric's unit, got -1",
                        "cases[1] 'ok': key 'chips' must be a whole number of chips from 1 to 1,048,576, or auto; got 'many'",
                        "cases[1] 'ok': key 'scenario' must be one of prefill, decode-step, single-stream,"
                                + " fixed-concurrency, offline, got 'offlin' (did you mean 'offline'?)",
                        "cases[1] 'ok': key 'value' is required (the measured number, in the metric's unit)",
                        "cases[2] 'ok': key 'parallelism': tp × pp × dp = 2 × 1 × 4 = 8 but chips is 4; make the"
                                + " product equal the chips, or leave dp out to derive it"))
                .hasMessageStartingWith("case file 'test.yaml' is invalid: cases[0]: key 'id' must be");
    }

    @Test
    void aRepeatedIdIsAProblem() {
        String twice = DECODE + DECODE.substring(DECODE.indexOf("  - id"));

        assertThatThrownBy(() -> Cases.read(twice)).hasMessage("case file 'test.yaml' is invalid: cases[1]"
                + " 'a100-decode': id is already used by cases[0]; give each case its own id.");
    }

    @Test
    void aParallelismNeedsANumberOfChips() {
        assertThatThrownBy(() -> Cases.read(DECODE.replace("chips: 8", "chips: auto")))
                .hasMessage("case file 'test.yaml' is invalid: cases[0] 'a100-decode': key 'parallelism' needs a"
                        + " chip count, but 'chips' is auto; give the number of chips or remove the parallelism.");
    }

    @Test
    void aFileWithoutCasesIsInvalid() {
        assertThatThrownBy(() -> Cases.read("cases: []\n"))
                .hasMessage("case file 'test.yaml' is invalid: key 'cases' lists no cases; add at least one.");
        assertThatThrownBy(() -> Cases.read("case:\n  - id: x\n"))
                .hasMessage("case file 'test.yaml' is invalid: unknown key 'case' (did you mean 'cases'?); key"
                        + " 'cases' is required (a list of cases).");
        assertThatThrownBy(() -> Cases.read(""))
                .hasMessage("case file 'test.yaml' is invalid: the file is empty; expected one key 'cases' with a"
                        + " list of cases.");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> Cases.read("cases:\n  - id: [unclosed\n"))
                .isInstanceOf(CaseFileException.class)
                .hasMessage("case file test.yaml:3:1: expected ',' or ']', but got <stream end> (while parsing a flow"
                        + " sequence); fix the YAML syntax.");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path temp) {
        Path missing = temp.resolve("none.yaml");

        assertThatThrownBy(() -> ValidationCases.read(missing))
                .isInstanceOf(CaseFileException.class)
                .hasMessage("case file '" + missing + "' does not exist; check the path.");
    }
}
