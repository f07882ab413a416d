package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.estimate.CostAssumptions;
import org.splitinfer.core.estimate.Estimate;
import org.splitinfer.core.estimate.Estimator;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.HardwareLoader;
import org.splitinfer.core.hardware.HardwareRegistry;
import org.splitinfer.core.hardware.InstalledAccelerator;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.plugin.gpu.GpuPlugin;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;

class CompareCommandTest {
    /** A terminal wide enough that no cell wraps. */
    private static final Map<String, String> WIDE = Map.of("COLUMNS", "300");

    @Test
    void withNoFlagsItPrintsTheSixDeployments() {
        CliRun run = CliRun.with(WIDE, "compare");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("deployment ").contains("p90 TTFT", "tok/s per user", "tok/s per kW",
                "tok/s per $/h", "tok/J", "$/Mtok", "chips", "limited by");
        assertThat(lines.subList(2, 8)).extracting(line -> line.split("\\s+")[0])
                .containsExactly("gpu-only", "gpu+lpu", "trainium+wafer", "gpu+rdu", "optical", "unified-riscv");
        // what each row rests on is listed under the table, so that the figures fit beside the names
        assertThat(lines.get(9)).isEqualTo("figures rest on:");
        assertThat(lines).contains("  optical: lumai-tetra-2029 projected, 18 assumed; its bands rest on assumptions, not"
                + " measurements");
    }

    @Test
    void aSplitRowsPrefillPoolIsBalancedToItsDecodePoolUnlessTheRowFixesItsInstances() throws Exception {
        // one H100 prefill instance cannot feed a Groq decode pool at 64 requests in flight: more are added
        CliRun balanced = CliRun.of("compare", "--format", "json", "--concurrency", "64", "--deployment",
                "--prefill h100-sxm:8 --decode groq-lpu-v1:auto --prefill-precision fp8 --decode-precision int8");
        CliRun fixed = CliRun.of("compare", "--format", "json", "--concurrency", "64", "--deployment",
                "--prefill h100-sxm:8 --decode groq-lpu-v1:auto --prefill-precision fp8 --decode-precision int8"
                        + " --prefill-instances 1");

        JsonNode more = new ObjectMapper().readTree(balanced.out()).get(0);
        JsonNode one = new ObjectMapper().readTree(fixed.out()).get(0);
        assertThat(one.get("phases").get(0).get("instances").asInt()).isEqualTo(1);
        assertThat(more.get("phases").get(0).get("instances").asInt()).isGreaterThan(1);
        assertThat(more.get("outputTokensPerSecond").asDouble())
                .isGreaterThan(1.5 * one.get("outputTokensPerSecond").asDouble());
        // the prefill pool of the balanced row is no longer saturated (another instance would not raise throughput)
        assertThat(more.get("phases").get(0).get("busyFraction").asDouble()).isLessThan(0.9);
        assertThat(one.get("phases").get(0).get("busyFraction").asDouble()).isEqualTo(1.0);
        // both rows carry the simulated time to first token at their load and what limits them
        assertThat(more.get("simulated").get("ttftP90Seconds").asDouble()).isPositive();
        assertThat(one.get("simulated").get("bottleneck").asText()).isEqualTo("prefill_pool");
    }

    @Test
    void jsonRowsCarryTheEstimateKeysPlusDeploymentPerChipThroughputAndFigureStatus() throws Exception {
        CliRun run = CliRun.of("compare", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(6);
        for (JsonNode row : rows) {
            assertThat(row.get("deployment").asText()).isNotBlank();
            for (String key : List.of("ttftSeconds", "tpotSeconds", "outputTokensPerSecond",
                    "outputTokensPerSecondPerUser", "tokensPerJoule", "usdPerMillionTokens", "tokensPerSecondPerChip",
                    "tokensPerSecondPerKilowatt", "tokensPerSecondPerUsdPerHour", "chips")) {
                assertThat(row.get(key).asDouble()).as("%s %s", row.get("deployment"), key).isPositive().isFinite();
            }
            assertThat(row.get("figureStatus").isArray()).isTrue();
            assertThat(row.get("assumptions").size()).isPositive();
            // every banded figure lies inside its own band
            for (String key : List.of("ttftSeconds", "tpotSeconds", "outputTokensPerSecondPerUser", "tokensPerJoule",
                    "usdPerMillionTokens")) {
                JsonNode band = row.get("bands").get(key);
                assertThat(row.get(key).asDouble()).as("%s %s", row.get("deployment"), key)
                        .isBetween(band.get("low").asDouble(), band.get("high").asDouble());
            }
        }
    }

    @Test
    void speculativeDecodingAppliesToEveryRowsDecodingPool() throws Exception {
        CliRun plain = CliRun.of("compare", "--model", "llama-3.1-70b", "--deployment", "--hardware h100-sxm:8",
                "--format", "json");
        CliRun speculative = CliRun.of("compare", "--model", "llama-3.1-70b", "--deployment",
                "--hardware h100-sxm:8", "--speculative", "draft=llama-3.1-8b", "--format", "json");

        assertThat(speculative.exitCode()).as(speculative.err()).isZero();
        JsonNode row = new ObjectMapper().readTree(speculative.out()).get(0);
        boolean drafted = false;
        for (JsonNode assumption : row.get("assumptions")) {
            drafted |= assumption.get("kind").asText().equals("speculativeDecodingApplied");
        }
        assertThat(drafted).isTrue();
        assertThat(row.get("tpotSeconds").asDouble())
                .isLessThan(new ObjectMapper().readTree(plain.out()).get(0).get("tpotSeconds").asDouble());
    }

    @Test
    void theTableShowsBandsBesideTheFiguresWhenItFitsElseUnderEachRow() {
        CliRun wide = CliRun.with(WIDE, "compare", "--deployment", "--hardware h100-sxm:8");
        CliRun narrow = CliRun.of("compare", "--deployment", "--hardware h100-sxm:8");

        assertThat(wide.exitCode()).as(wide.err()).isZero();
        // e.g. "36.3 (20–68)" for $/Mtok: a figure, then its band in brackets
        assertThat(wide.out()).containsPattern("\\d \\([0-9.,]+–[0-9.,]+\\)");
        // in 80 columns the figures keep their cells and the bands take a line under the row
        assertThat(narrow.out()).doesNotContainPattern("\\d \\([0-9.,]+–[0-9.,]+\\)");
        assertThat(narrow.out().replaceAll("\\s+", " ")).containsPattern("bands: p90 TTFT [0-9.,]+–[0-9.,]+ ms,"
                + " tok/s per user [0-9.,]+–[0-9.,]+, tok/J [0-9.,]+–[0-9.,]+, \\$/Mtok [0-9.,]+–[0-9.,]+")
                .contains("bands: 80% intervals from the leave-one-out errors of the validation cases nearest to the chip");
    }

    @Test
    void aDeploymentGivenOnTheCommandLineReplacesTheBuiltInSix() {
        CliRun run = CliRun.with(WIDE, "compare", "--deployment", "--hardware h100-sxm:8 --precision fp8",
                "--deployment", "--hardware h200-sxm:8 --precision fp8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(2).takeWhile(l -> !l.isBlank()).toList()).hasSize(2);
    }

    @Test
    void aDeploymentThatCannotBeEstimatedIsReportedInItsRowAndTheCommandExitsOne() {
        CliRun run = CliRun.with(WIDE, "compare", "--deployment", "--hardware h100-sxm:1 --precision bf16",
                "--deployment", "--hardware h100-sxm:8 --precision fp8");

        assertThat(run.exitCode()).isEqualTo(1);
        // core names the field (colocated.chips); a row spelled as flags reads the flag
        assertThat(run.out()).contains("(problem below)", "problems:\n  deployment-1: 'llama-3.1-70b' in"
                + " weights=bf16,activations=bf16,kv=bf16 does not fit on 1 'h100-sxm' chips", "set the N of"
                + " --hardware HW:N to at least 2, or leave it to the estimator");
        assertThat(run.err()).isEqualTo("error: 1 of 2 deployments could not be estimated; see their rows\n");
    }

    @Test
    void aDeploymentsSoftwareKeyAppliesBesideArgsAndMayNotBeGivenTwice(@TempDir Path temp) throws Exception {
        Path once = Files.writeString(temp.resolve("once.yaml"), """
                - name: trt
                  args: "--hardware h100-sxm:1"
                  software: tensorrt-llm
                """);
        Path twice = Files.writeString(temp.resolve("twice.yaml"), """
                - name: trt
                  args: "--hardware h100-sxm:1 --software vendor-api"
                  software: tensorrt-llm
                """);

        CliRun fromKey = CliRun.of("compare", "--model", "llama-3.1-8b", "--deployments", once.toString(), "--format",
                "json");
        CliRun both = CliRun.of("compare", "--model", "llama-3.1-8b", "--deployments", twice.toString());

        // before: the key was read and dropped, and the row ran on the profile for unknown stacks
        assertThat(fromKey.exitCode()).as(fromKey.err()).isZero();
        assertThat(new ObjectMapper().readTree(fromKey.out()).findValues("software"))
                .extracting(JsonNode::asText).contains("tensorrt-llm");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("error: " + twice + ": deployment 'trt' names its serving stack twice, in"
                + " software and in args' --software; keep one\n");
    }

    @Test
    void aDeploymentsFileIsAListOrAMapThatHoldsOneAsItsHelpSays(@TempDir Path temp) throws Exception {
        String entries = """
                - name: one
                  description: "one H100 at FP8"
                  args: "--hardware h100-sxm:1 --precision 'fp8'"
                - name: split
                  software: tensorrt-llm
                  pipeline: {prefill: {hardware: h100-sxm, chips: 1}, decode: {hardware: h100-sxm, chips: 1}}
                """;
        Path list = temp.resolve("list.yaml");
        Files.writeString(list, entries);
        Path map = temp.resolve("map.yaml");
        Files.writeString(map, "deployments:\n" + entries.indent(2));

        CliRun fromList = CliRun.of("compare", "--model", "llama-3.1-8b", "--deployments", list.toString(),
                "--format", "json");
        CliRun fromMap = CliRun.of("compare", "--model", "llama-3.1-8b", "--deployments", map.toString(),
                "--format", "json");

        assertThat(fromList.exitCode()).as(fromList.err()).isZero();
        assertThat(fromList.out()).isEqualTo(fromMap.out());
        JsonNode rows = new ObjectMapper().readTree(fromList.out());
        assertThat(rows).extracting(row -> row.get("deployment").asText()).containsExactly("one", "split");
        // the quoted value is a word, its quotes removed
        assertThat(rows.get(0).get("phases").get(0).get("precision").asText()).isEqualTo("fp8");
    }

    @Test
    void aDeploymentsFileWithoutDeploymentsOrWithTheComparisonsFlagsIsRefused(@TempDir Path temp) throws Exception {
        Path empty = temp.resolve("empty.yaml");
        Files.writeString(empty, "deployments: []\n");
        Path withModel = temp.resolve("model.yaml");
        Files.writeString(withModel, "- name: one\n  args: \"--hardware h100-sxm:1 --model llama-3.1-8b\"\n");

        CliRun none = CliRun.of("compare", "--deployments", empty.toString());
        CliRun model = CliRun.of("compare", "--deployments", withModel.toString());

        // once an empty table and exit 0
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error: " + empty + ": 'deployments' must be a non-empty list of {name, args}"
                + " (or {name, pipeline}), got an empty list; list at least one deployment\n");
        assertThat(model.err()).isEqualTo("error: " + withModel + ": deployment 'one' gives --model, which is the"
                + " whole comparison's; give it to compare, and only deployment options in args\n");
    }

    @Test
    void aBadlySpelledDeploymentExitsTwoNamingIt() {
        CliRun run = CliRun.of("compare", "--deployment", "--hardwar h100-sxm:8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --deployment: deployment 'deployment-1': unknown option '--hardwar'"
                + " of 'estimate' (did you mean '--hardware'?); spell it as the deployment options of 'splitinfer"
                + " estimate'\n");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void changingAPluginFigureMovesItsRow() {
        ProviderContext published = HardwareLoader.contextFor(GpuPlugin.class.getClassLoader());
        // the same sheet with the H100's HBM bandwidth halved: 3.35e12 → 1.675e12 B/s
        ProviderContext halved = resource -> scale(published.sheet(resource), "h100-sxm", "hbm.bytesPerSecond", 0.5);
        DeploymentList.Deployment gpuOnly = DeploymentList.builtIn(UnaryOperator.identity()).get(0);
        Workload workload = Workload.closedLoop(2000, 300, 32);

        Estimate before = estimator(new GpuPlugin().accelerators(published)).estimate(
                ModelCatalog.builtIn().get("llama-3.1-70b"), gpuOnly.pipeline(), workload);
        Estimate after = estimator(new GpuPlugin().accelerators(halved)).estimate(
                ModelCatalog.builtIn().get("llama-3.1-70b"), gpuOnly.pipeline(), workload);

        assertThat(gpuOnly.name()).isEqualTo("gpu-only");
        // streaming weights and KV is most of a decode step but not all of it (kernels at their compute bound,
        // all-reduces): halving the bandwidth lengthens the step by more than a quarter and less than double
        assertThat(after.tpotSeconds()).isGreaterThan(before.tpotSeconds() * 1.25)
                .isLessThan(before.tpotSeconds() * 2);
        assertThat(after.tokensPerSecondPerChip()).isLessThan(before.tokensPerSecondPerChip());
        assertThat(after.usdPerMillionTokens()).isGreaterThan(before.usdPerMillionTokens());
    }

    private static Estimator estimator(List<Accelerator> accelerators) {
        List<InstalledAccelerator> installed = new ArrayList<>();
        for (Accelerator accelerator : accelerators) {
            installed.add(new InstalledAccelerator(accelerator, "test", GpuPlugin.class.getName()));
        }
        return new Estimator(new HardwareRegistry(installed, List.of()), LinkCatalog.builtIn(),
                CostAssumptions.DEFAULT);
    }

    private static HardwareSheet scale(HardwareSheet sheet, String id, String figure, double factor) {
        List<AcceleratorSheet> chips = new ArrayList<>();
        for (AcceleratorSheet chip : sheet.accelerators()) {
            if (!chip.id().equals(id)) {
                chips.add(chip);
                continue;
            }
            List<Figure> figures = new ArrayList<>();
            for (Figure f : chip.figures()) {
                figures.add(f.name().equals(figure)
                        ? new Figure(f.name(), f.value() * factor, f.sourceId(), f.assumption()) : f);
            }
            chips.add(new AcceleratorSheet(chip.resource(), chip.id(), chip.vendor(), chip.displayName(), chip.status(),
                    figures));
        }
        return new HardwareSheet(sheet.resource(), sheet.family(), sheet.sources(), chips);
    }
}
