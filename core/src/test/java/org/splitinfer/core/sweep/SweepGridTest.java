package org.splitinfer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.plan.Objective;

class SweepGridTest {
    @TempDir
    Path folder;

    private static SweepGrid parse(String yaml) {
        return SweepGrid.parse("grid.yaml", yaml, Path.of("."));
    }

    @Test
    void pointsAreTheProductOfTheAxesWithTheLastAxisVaryingFastest() {
        SweepGrid grid = parse("""
                models: [llama-3.1-8b, llama-2-7b]
                rates: [5, 10]
                hardware: [[h100-sxm], [gpu, lpu]]
                objectives: [cost, energy]
                """);

        // 2 models x 1 workload (chat) x 2 rates x 1 SLO (the default) x 2 sets x 1 override list ([]) x 2 objectives
        assertThat(grid.size()).isEqualTo(16);
        List<SweepPoint> points = grid.points();
        assertThat(points).hasSize(16);
        assertThat(points.get(0)).extracting(SweepPoint::model, SweepPoint::rateRequestsPerSecond,
                SweepPoint::hardware, SweepPoint::objective)
                .containsExactly("llama-3.1-8b", 5.0, List.of("h100-sxm"), Objective.COST);
        assertThat(points.get(1).objective()).isEqualTo(Objective.ENERGY);
        assertThat(points.get(2).hardware()).containsExactly("gpu", "lpu");
        // index 4 = the second rate: 4 points (2 sets x 2 objectives) per rate
        assertThat(points.get(4).rateRequestsPerSecond()).isEqualTo(10.0);
        assertThat(points.get(8).model()).isEqualTo("llama-2-7b");
        assertThat(points).extracting(SweepPoint::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 16).boxed().toList());
        // defaults: the CLI's plan defaults
        assertThat(points.get(0)).extracting(SweepPoint::workload, SweepPoint::ttftSeconds, SweepPoint::tpotSeconds,
                SweepPoint::attainment, SweepPoint::top, SweepPoint::requests, SweepPoint::seed)
                .containsExactly("chat", 1.0, 0.05, 0.9, 5, 10_000L, 1L);
    }

    @Test
    void aGridOfMorePointsThanOneSweepRunsIsRefusedWithItsCount() {
        // 2 workloads × 1,500 rates × 1,500 SLOs × 1,500 hardware sets × 4 objectives × 1,500 override sets
        // = 8 × 1,500^4 = 40,500,000,000,000 points, past the 10,000,000 one sweep runs (SweepGrid.size saturates
        // at Long.MAX_VALUE rather than wrap, so a product past 2^63 is refused the same way)
        String values = java.util.stream.IntStream.rangeClosed(1, 1500).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String quoted = java.util.stream.IntStream.rangeClosed(1, 1500)
                .mapToObj(i -> "\"ttft=" + i + "s,tpot=1s\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String sets = java.util.stream.IntStream.rangeClosed(1, 1500).mapToObj(i -> "[h" + i + "]")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String overrides = java.util.stream.IntStream.rangeClosed(1, 1500)
                .mapToObj(i -> "[h100-sxm.price.purchaseUsd=" + i + "]")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));

        assertThatThrownBy(() -> parse("models: [llama-3.1-8b]\nrates: " + values + "\nslos: " + quoted
                + "\nhardware: " + sets + "\noverrides: " + overrides + "\nworkloads: [chat, code]\n"
                + "objectives: [cost, energy, chips, latency]\n"))
                .isInstanceOf(SweepException.class)
                .hasMessageContaining("expands to 40,500,000,000,000 points, more than the 10,000,000 one sweep runs");
    }

    @Test
    void aPointsKeyDependsOnItsParametersOnlyNotItsIndex() {
        SweepPoint point = parse("models: [llama-3.1-8b]\nrates: [5]\n").points().get(0);
        SweepPoint moved = point.withIndex(7);
        SweepPoint otherSeed = parse("models: [llama-3.1-8b]\nrates: [5]\nseed: 2\n").points().get(0);

        assertThat(point.key()).matches("[0-9a-f]{16}").isEqualTo(moved.key());
        assertThat(otherSeed.key()).isNotEqualTo(point.key());
    }

    @Test
    void simulateGridsTakeDeploymentsAsPipelineMappings() {
        SweepGrid grid = parse("""
                mode: simulate
                models: [llama-3.1-8b]
                rates: [2]
                slos: ["ttft=2s,tpot=100ms"]
                deployments:
                  - {colocated: {hardware: h100-sxm, chips: 1}}
                  - {prefill: {hardware: h100-sxm, chips: 1}, decode: {hardware: h100-sxm, chips: 2}}
                requests: 300
                """);

        assertThat(grid.points()).hasSize(2);
        assertThat(grid.points().get(0).deployment())
                .isEqualTo("{colocated: {hardware: h100-sxm, chips: 1, instances: 1}}");
        assertThat(grid.points().get(1)).extracting(SweepPoint::ttftSeconds, SweepPoint::tpotSeconds,
                SweepPoint::requests, SweepPoint::objective).containsExactly(2.0, 0.1, 300L, null);
    }

    @Test
    void everyProblemOfABadGridIsNamedInOneSentenceWithTheWayOut() {
        assertThatThrownBy(() -> parse("""
                models: [llama-3.1-8bb]
                rates: [0]
                objectives: [cheapest]
                overides: []
                """))
                .isInstanceOf(SweepException.class)
                .hasMessageStartingWith("grid file 'grid.yaml' has 4 problems: ")
                .hasMessageContaining("overides")
                .hasMessageContaining("did you mean 'overrides'")
                .hasMessageContaining("models[0]: unknown model 'llama-3.1-8bb'; did you mean 'llama-3.1-8b'?")
                .hasMessageContaining("rates[0]: must be requests per second above 0 and at most 1,000,000, got '0'")
                .hasMessageContaining("objectives[0]: must be cost, energy, chips or latency, got 'cheapest'")
                .hasMessageEndingWith("; the grid's schema is in the README's 'Sweeps'");
    }

    @Test
    void planKeysInASimulateGridAndMissingDeploymentsAreRefused() {
        assertThatThrownBy(() -> parse("mode: simulate\nmodels: [llama-3.1-8b]\nrates: [1]\nhardware: [[gpu]]\n"))
                .hasMessageContaining("hardware: belongs to mode plan, and this grid simulates")
                .hasMessageContaining("deployments: required, a list");
    }

    @Test
    void aBadSloAndABadOverrideAreNamedByTheirPlace() {
        assertThatThrownBy(() -> parse("models: [llama-3.1-8b]\nrates: [1]\nslos: [\"ttft=1\"]\n"
                + "overrides: [[], [sram=4]]\n"))
                .hasMessageContaining("slos[0]: must be ttft=TIME,tpot=TIME")
                .hasMessageContaining("overrides[1]: --set 'sram=4' is not ID.FIGURE=VALUE or ID@NEWID.FIGURE=VALUE");
    }

    @Test
    void aValueGivenTwiceOnAnAxisIsRefusedAsARepeatedPoint() {
        assertThatThrownBy(() -> parse("models: [llama-3.1-8b]\nrates: [1, 1]\n"))
                .hasMessage("grid file 'grid.yaml' gives point 1 twice (it equals point 0: an axis lists one value"
                        + " twice); keep one");
    }

    @Test
    void aGridFileIsReadStrictlyAndTraceFilesAreFoundBesideIt() throws Exception {
        Files.writeString(folder.resolve("trace.csv"), "arrivalSeconds,inputTokens,outputTokens\n0,10,5\n");
        Path file = folder.resolve("grid.yaml");
        Files.writeString(file, "models: [llama-3.1-8b]\nworkloads: [chat, trace.csv]\nrates: [1]\n");

        SweepGrid grid = SweepGrid.read(file);

        assertThat(grid.workloads()).containsExactly("chat", folder.resolve("trace.csv").toString());
        Files.writeString(file, "models: [llama-3.1-8b]\nmodels: [llama-2-7b]\nrates: [1]\n");
        assertThatThrownBy(() -> SweepGrid.read(file)).isInstanceOf(SweepException.class)
                .hasMessageContaining("key 'models' appears twice in one mapping; keep one");
        assertThatThrownBy(() -> SweepGrid.read(folder.resolve("missing.yaml")))
                .hasMessage("grid file '" + folder.resolve("missing.yaml") + "' does not exist; check the path");
    }
}
