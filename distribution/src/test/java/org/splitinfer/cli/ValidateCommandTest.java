package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.validate.Calibration;
import org.splitinfer.core.validate.CasePredictor;
import org.splitinfer.core.validate.CasePredictorFactory;
import org.splitinfer.core.validate.Prediction;
import org.splitinfer.core.validate.ValidationCase;

class ValidateCommandTest {

    /** Four prefill cases measured at 1 s on three GPUs and one LPU. */
    private static final String CASES = """
            cases:
            %s
            """.formatted(String.join("\n",
            prefill("a", "h100-sxm"), prefill("b", "h100-sxm"), prefill("c", "a100-sxm-80gb"),
            prefill("d", "groq-lpu-v1")));

    /** Predicts 1.1, 0.8, 1.4 and 1.8 s: relative errors 0.1, 0.2, 0.4 and 0.8. */
    private static final Map<String, Double> PREDICTED = Map.of("a", 1.1, "b", 0.8, "c", 1.4, "d", 1.8);

    private static String prefill(String id, String hardware) {
        return """
                  - id: %s
                    source: "a test"
                    model: llama-2-70b
                    hardware: %s
                    chips: 8
                    parallelism: {tp: 8}
                    precision: {weights: fp16, activations: fp16, kvCache: fp16}
                    scenario: prefill
                    workload: {batch: 1, inputTokens: 512}
                    metric: seconds
                    value: 1
                """.formatted(id, hardware);
    }

    /** A predictor reading its answers from a table; a case missing from it has an unknown model. */
    private static CasePredictor table(Map<String, Double> values) {
        return c -> {
            Double value = values.get(c.id());
            if (value == null) {
                throw new SplitInferException("unknown model '" + c.model() + "'");
            }
            return new Prediction(value, "tp=8 pp=1 dp=1", List.of("a fake"));
        };
    }

    /** Binds the predictor as the estimator's module will: a plain binding of the factory. */
    private static Module[] predicting(CasePredictor predictor) {
        return new Module[] {binder -> binder.bind(CasePredictorFactory.class).toInstance(hardware -> predictor)};
    }

    private static Path write(Path folder, String yaml) throws IOException {
        Path file = folder.resolve("cases.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void tableListsEachCaseThenTheMedianP90AndFamilyMedians(@TempDir Path temp) throws IOException {
        CliRun run = CliRun.withModules(predicting(table(PREDICTED)), "validate", "--cases",
                write(temp, CASES).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        // log errors: |ln 1.1| = 0.095, |ln 0.8| = 0.223, |ln 1.4| = 0.336, |ln 1.8| = 0.588; median (0.223 + 0.336) / 2
        // relative errors 0.1 0.2 0.4 0.8: median (0.2 + 0.4) / 2 = 0.3; p90 at (4 − 1) × 0.9 = 2.7 → 0.4 + 0.7 × 0.4
        // gpu: 0.1, 0.2, 0.4 → 0.2; lpu: 0.8
        // a step time in its unit; the log errors are in the summary, CSV and JSON
        assertThat(run.out()).isEqualTo("""
                id  metric     predicted  measured  error  layout
                --  ---------  ---------  --------  -----  --------------
                a   step time  1.10 s     1.00 s    10.0%  tp=8 pp=1 dp=1
                b   step time  800 ms     1.00 s    20.0%  tp=8 pp=1 dp=1
                c   step time  1.40 s     1.00 s    40.0%  tp=8 pp=1 dp=1
                d   step time  1.80 s     1.00 s    80.0%  tp=8 pp=1 dp=1

                predicted      4 of 4 cases
                median error   30.0%
                p90 error      68.0%
                median |log|   0.280
                by family      gpu 20.0% (3 cases), lpu 80.0% (1 case)
                problems       0
                """);
    }

    @Test
    void jsonGivesEachCaseTheMedianP90AndTheProblemCount(@TempDir Path temp) throws IOException {
        CliRun run = CliRun.withModules(predicting(table(PREDICTED)), "validate", "--format", "json", "--cases",
                write(temp, CASES).toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("cases", "medianError", "p90Error", "problems");
        assertThat(json.get("medianError").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(json.get("p90Error").asDouble()).isCloseTo(0.68, within(1e-12));
        assertThat(json.get("problems").asInt()).isZero();
        JsonNode first = json.get("cases").get(0);
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("metric").asText()).isEqualTo("seconds");
        assertThat(first.get("predicted").asDouble()).isEqualTo(1.1);
        assertThat(first.get("measured").asDouble()).isEqualTo(1.0);
        assertThat(first.get("relativeError").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(first.get("layout").asText()).isEqualTo("tp=8 pp=1 dp=1");
        assertThat(first.get("family").asText()).isEqualTo("gpu");
    }

    @Test
    void aCaseThatCannotBePredictedIsListedAndTheCommandExitsOne(@TempDir Path temp) throws IOException {
        String yaml = CASES + """
                  - id: offline-in-seconds
                    source: "a test"
                    model: llama-2-70b
                    hardware: h100-sxm
                    chips: 8
                    precision: {weights: fp8, activations: fp8, kvCache: fp8}
                    scenario: offline
                    workload: {inputTokens: 300, outputTokens: 273}
                    metric: seconds
                    value: 1
                """;
        Map<String, Double> withoutD = Map.of("a", 1.1, "b", 0.8, "c", 1.4);
        CliRun run = CliRun.withModules(predicting(table(withoutD)), "validate", "--format", "json", "--cases",
                write(temp, yaml).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: 2 of 5 cases could not be predicted; each is listed with its"
                + " problem\n");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("problems").asInt()).isEqualTo(2);
        assertThat(json.get("cases")).hasSize(5);
        assertThat(json.get("cases").get(3).get("id").asText()).isEqualTo("d");
        assertThat(json.get("cases").get(3).get("problem").asText()).isEqualTo("unknown model 'llama-2-70b'");
        assertThat(json.get("cases").get(4).get("problem").asText()).isEqualTo("metric 'seconds' is not measured"
                + " in scenario 'offline'; use one of outputTokensPerSecond, tokensPerJoule");
        // errors 0.1, 0.2, 0.4 over the three predicted cases: median 0.2
        assertThat(json.get("medianError").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void theTableListsProblemsAfterTheSummary(@TempDir Path temp) throws IOException {
        CliRun run = CliRun.withModules(predicting(table(Map.of("a", 1.1, "b", 0.8, "c", 1.4))), "validate",
                "--cases", write(temp, CASES).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("d   step time  -          1.00 s    -      (problem below)")
                .endsWith("problems       1\n  d: unknown model 'llama-2-70b'\n");
    }

    @Test
    void withoutCasesItPredictsTheShippedSet() throws IOException {
        CliRun run = CliRun.withModules(predicting(c -> Prediction.of(c.value(), "")), "validate", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("cases")).hasSize(90);
        assertThat(json.get("medianError").asDouble()).isZero();
    }

    @Test
    void csvHasAHeaderAndOneLinePerCase(@TempDir Path temp) throws IOException {
        CliRun run = CliRun.withModules(predicting(table(PREDICTED)), "validate", "--format", "csv", "--cases",
                write(temp, CASES).toString());

        assertThat(run.out().split("\n")).hasSize(5)
                .startsWith("id,metric,predicted,measured,relative_error,log_error,layout,family,problem");
        // plain numbers in the metric's unit (seconds): 1.1 predicted, 1 measured
        assertThat(run.out().split("\n")[1]).startsWith("a,seconds,1.1,1,");
    }

    @Test
    void aMalformedCaseFileExitsTwoWithOneLineNamingTheKey(@TempDir Path temp) throws IOException {
        CliRun run = CliRun.withModules(predicting(table(PREDICTED)), "validate", "--cases",
                write(temp, CASES.replaceFirst("metric:", "metrik:")).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: case file '" + temp.resolve("cases.yaml") + "' is invalid: cases[0]"
                + " 'a': unknown key 'metrik' (did you mean 'metric'?); cases[0] 'a': key 'metric' is required.");
    }

    @Test
    void leaveOneOutPredictsEachCaseWithAFitWithoutIt(@TempDir Path temp) throws IOException {
        String yaml = CASES.replace("value: 1\n", "value: V\n")
                .replaceFirst("value: V", "value: 1").replaceFirst("value: V", "value: 2")
                .replaceFirst("value: V", "value: 4").replaceFirst("value: V", "value: 8");
        List<List<String>> fits = new ArrayList<>();
        // the scale is the geometric mean of the measured values the fit sees
        Calibration<Double> scale = new Calibration<>() {
            @Override
            public Double fit(List<ValidationCase> cases) {
                fits.add(cases.stream().map(ValidationCase::id).toList());
                return Math.exp(cases.stream().mapToDouble(c -> Math.log(c.value())).average().orElseThrow());
            }

            @Override
            public CasePredictor predictorWith(Double parameters) {
                return c -> Prediction.of(parameters, "tp=8 pp=1 dp=1");
            }
        };
        CasePredictorFactory factory = new CasePredictorFactory() {
            @Override
            public CasePredictor predictor(HardwareRegistry hardware) {
                throw new AssertionError("leave-one-out must not use the shipped predictor");
            }

            @Override
            public Optional<Calibration<?>> calibration(HardwareRegistry hardware) {
                return Optional.of(scale);
            }
        };
        CliRun run = CliRun.withModules(new Module[] {b -> b.bind(CasePredictorFactory.class).toInstance(factory)},
                "validate", "--leave-one-out", "--format", "json", "--cases", write(temp, yaml).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fits).containsExactly(List.of("b", "c", "d"), List.of("a", "c", "d"), List.of("a", "b", "d"),
                List.of("a", "b", "c"));
        // measured 1, 2, 4, 8 = 2^0..2^3; without case k the scale is 2^((6 − k) / 3):
        // a: 2^2 = 4 vs 1 → 3; b: 2^(5/3) = 3.175 vs 2 → 0.587; c: 2^(4/3) = 2.520 vs 4 → 0.370;
        // d: 2^1 = 2 vs 8 → 0.75. Sorted 0.370, 0.587, 0.75, 3: median (0.587 + 0.75) / 2
        JsonNode json = new ObjectMapper().readTree(run.out());
        double b = Math.pow(2, 5.0 / 3) / 2 - 1;
        assertThat(json.get("cases").get(0).get("predicted").asDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(json.get("medianError").asDouble()).isCloseTo((b + 0.75) / 2, within(1e-12));
    }

    @Test
    void leaveOneOutShowsItsProgressWhenStandardErrorIsATerminalAndNothingOtherwise(@TempDir Path temp)
            throws IOException {
        // two cases the shipped calibration can refit without each other: one fit per case
        String two = """
                cases:
                %s
                """.formatted(String.join("\n", prefill("a", "h100-sxm"), prefill("b", "a100-sxm-80gb")));
        String cases = write(temp, two).toString();

        CliRun terminal = CliRun.onTerminal("validate", "--leave-one-out", "--cases", cases);
        CliRun piped = CliRun.of("validate", "--leave-one-out", "--cases", cases);

        assertThat(terminal.exitCode()).as(terminal.err()).isZero();
        // drawn in place with carriage returns: 0% before the first fit, 50% after it, 100%, then erased
        assertThat(terminal.err()).startsWith("\r[" + " ".repeat(40) + "] 0%")
                .contains("\r[" + "#".repeat(20) + " ".repeat(20) + "] 50%", "\r[" + "#".repeat(40) + "] 100%")
                .endsWith("\r" + " ".repeat(48) + "\r");
        assertThat(piped.exitCode()).isZero();
        assertThat(piped.err()).isEmpty();
        assertThat(terminal.out()).isEqualTo(piped.out());
    }

    @Test
    void leaveOneOutWithAPredictorThatFitsNothingExitsTwo() {
        CliRun run = CliRun.withModules(predicting(table(PREDICTED)), "validate", "--leave-one-out");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --leave-one-out needs a predictor with fitted parameters, and this"
                + " one fits none; run validate without --leave-one-out\n");
    }

    @Test
    void helpListsTheValidateCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.out()).contains("validate");
    }
}
