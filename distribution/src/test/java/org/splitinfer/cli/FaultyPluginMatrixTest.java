package org.splitinfer.cli;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitinfer.core.SplitInfer;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.PoolSpec;
import org.splitinfer.core.estimate.Workload;
import org.splitinfer.core.hardware.PluginFaultException;
import org.splitinfer.core.hardware.PluginSearchPath;

/**
 * The faulty-plugin matrix: each kind of throwable a plugin can throw while it loads and while it is used, and each
 * answer no chip can give, is contained. At load the plugin is skipped on one {@code warning:} line and the command
 * runs; at run time the deployment that uses it fails with one line naming the plugin, the accelerator and the call
 * (exit 2), and a comparison or a plan goes on without it and says why. Loops and prints need the real launcher and
 * a process of their own: {@link FaultyPluginProcessIT}.
 */
class FaultyPluginMatrixTest {
    @TempDir
    static Path shared;

    private static Path loadFaults;
    private static Path runFaults;
    private static SplitInfer faultyOnly;

    @BeforeAll
    static void buildThePlugins() throws IOException {
        Path work = Files.createDirectories(shared.resolve("work"));
        loadFaults = Files.createDirectories(shared.resolve("load-faults"));
        for (String fault : FaultyPlugins.LOAD_FAULTS) {
            if (!fault.endsWith(":loop")) {
                FaultyPlugins.loadFault(work, loadFaults, fault);
            }
        }
        runFaults = FaultyPlugins.runFaults(work, Files.createDirectories(shared.resolve("run-faults")));
        faultyOnly = SplitInfer.builder().searchPath(new PluginSearchPath(false, List.of(runFaults))).build();
    }

    /** What each load fault's warning says after {@code skipped plugin <jar>: faulty.LoadFaultPlugin}. */
    static String loadWarning(String fault) {
        String where = fault.substring(0, fault.indexOf(':'));
        String kind = fault.substring(where.length() + 1);
        String words = switch (kind) {
            case "runtime" -> "licence server unreachable";
            case "stack-overflow" -> "its stack overflowed (unbounded recursion?)";
            case "assertion" -> "an assertion failed: tile sizes must be powers of two";
            case "out-of-memory" -> "it ran out of memory (Java heap space)";
            case "linkage" -> "a class it needs is missing: faulty.Missing (a dependency left out of its jar or"
                    + " folder?)";
            case "null" -> "";
            case "null-element" -> "";
            case "nan-idle-watts" -> "";
            default -> throw new IllegalArgumentException(kind);
        };
        return switch (where) {
            case "constructor" -> " cannot be constructed: " + words;
            // a static initializer's exception comes wrapped, an error as it is
            case "static" -> " cannot be constructed: " + (kind.equals("runtime")
                    ? "its static initializer failed: " + words : words);
            default -> switch (kind) {
                case "null" -> " returned null instead of its list of accelerators";
                case "null-element" -> " listed null as its accelerator #1";
                case "nan-idle-watts" -> "'s accelerator 'load-nan-idle' failed in idleWatts: it returned NaN watts,"
                        + " where the SPI requires a finite value > 0";
                default -> " failed while loading its accelerators: " + words;
            };
        };
    }

    @Test
    void eachPluginThatFailsWhileLoadingIsSkippedOnOneWarningAndTheRestList() throws IOException {
        CliRun run = CliRun.of("hardware", "--plugins", loadFaults.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> ids = new ArrayList<>();
        for (JsonNode chip : new ObjectMapper().readTree(run.out())) {
            ids.add(chip.get("id").asText());
        }
        assertThat(ids).contains("h100-sxm", "groq-lpu-v1").doesNotContain("load-nan-idle");
        List<String> expected = new ArrayList<>();
        for (String fault : FaultyPlugins.LOAD_FAULTS) {
            if (!fault.endsWith(":loop")) {
                expected.add("warning: skipped plugin " + loadFaults.resolve("load-" + fault.replace(':', '-')
                        + ".jar") + ": faulty.LoadFaultPlugin" + loadWarning(fault));
            }
        }
        assertThat(run.err().lines().toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static List<FaultyPlugins.RunFault> runFaultsButPrinting() {
        return FaultyPlugins.RUN_FAULTS.stream().filter(f -> !f.kind().equals("print")).toList();
    }

    /** What each run fault's message says after {@code failed in <call>: }. */
    static String runProblem(FaultyPlugins.RunFault fault) {
        return switch (fault.kind()) {
            case "nan", "negative" -> "it returned " + (fault.kind().equals("nan") ? "NaN" : "-1.0")
                    + (fault.call().equals("watts") ? " watts, where a power" : " seconds, where a time")
                    + " must be finite and >= 0";
            case "null" -> "it returned null";
            default -> loadWarning("constructor:" + fault.kind()).substring(" cannot be constructed: ".length());
        };
    }

    @ParameterizedTest
    @MethodSource("runFaultsButPrinting")
    void aFaultWhileEstimatingNamesThePluginTheAcceleratorAndTheCall(FaultyPlugins.RunFault fault) {
        // 8 chips at tensor parallelism 8: every call of the matrix is made, collectives included
        Throwable thrown = catchThrowable(() -> faultyOnly.estimate("llama-3.1-8b",
                PipelineSpec.colocated(PoolSpec.of(fault.id(), 8).withLayout(8, 1)), Workload.closedLoop(2000, 300, 8)));

        assertThat(thrown).isInstanceOf(PluginFaultException.class).hasMessage("plugin run-faults.jar's accelerator '"
                + fault.id() + "' failed in " + fault.call() + ": " + runProblem(fault) + "; leave the accelerator"
                + " out, or report this to the plugin's vendor");
    }

    @Test
    void estimateOnAFaultyAcceleratorExitsTwoWithOneLine() {
        CliRun run = CliRun.of("estimate", "--plugins", runFaults.toString(), "--model", "llama-3.1-8b",
                "--hardware", "faulty-kernel-seconds-stack-overflow:8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: plugin run-faults.jar's accelerator 'faulty-kernel-seconds-stack-overflow'"
                + " failed in kernelSeconds: its stack overflowed (unbounded recursion?); leave the accelerator out, or"
                + " report this to the plugin's vendor\n");
    }

    @Test
    void rooflineAndSimulateRefuseNanAndNegativeAnswers() {
        CliRun roofline = CliRun.of("roofline", "--plugins", runFaults.toString(), "--hardware",
                "faulty-kernel-seconds-nan", "--model", "llama-3.1-8b", "--phase", "decode");
        CliRun simulate = CliRun.of("simulate", "--plugins", runFaults.toString(), "--model", "llama-3.1-8b",
                "--hardware", "faulty-collective-seconds-negative:8", "--requests", "100");

        assertThat(roofline.exitCode()).isEqualTo(2);
        assertThat(roofline.err()).startsWith("error: plugin run-faults.jar's accelerator 'faulty-kernel-seconds-nan'"
                + " failed in kernelSeconds: it returned NaN seconds").hasLineCount(1);
        assertThat(simulate.exitCode()).isEqualTo(2);
        assertThat(simulate.err()).contains("'faulty-collective-seconds-negative' failed in collectiveSeconds:"
                + " it returned -1.0 seconds").hasLineCount(1);
    }

    @Test
    void compareGoesOnWithoutTheFaultyDeploymentAndItsRowSaysWhy() {
        // wide enough that no line wraps
        CliRun run = CliRun.with(Map.of("COLUMNS", "400"), "compare", "--plugins", runFaults.toString(), "--model",
                "llama-3.1-8b", "--deployment", "--hardware h100-sxm:1", "--deployment",
                "--hardware faulty-watts-nan:8");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("deployment-1").contains("h100-sxm").contains("deployment-2: plugin"
                + " run-faults.jar's accelerator 'faulty-watts-nan' failed in watts: it returned NaN watts");
        assertThat(run.err()).isEqualTo("error: 1 of 2 deployments could not be estimated; see their rows\n");
    }

    @Test
    void planLeavesTheFaultyAcceleratorsOutAndSaysWhy() throws IOException {
        // one fails while its shapes are found, the other only when a candidate's power is priced
        CliRun run = CliRun.of("plan", "--plugins", runFaults.toString(), "--model", "llama-3.1-8b", "--hardware",
                "h100-sxm,faulty-watts-nan,faulty-place-runtime", "--rate", "2", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("excluded")).hasSize(2);
        assertThat(plan.get("excluded").get(0).get("hardware").asText()).isEqualTo("faulty-place-runtime");
        assertThat(plan.get("excluded").get(0).get("plugin").asText()).isEqualTo("run-faults.jar");
        assertThat(plan.get("excluded").get(0).get("reason").asText()).isEqualTo("plugin run-faults.jar's accelerator"
                + " 'faulty-place-runtime' failed in place: licence server unreachable; leave the accelerator out, or"
                + " report this to the plugin's vendor");
        assertThat(plan.get("excluded").get(1).get("reason").asText()).startsWith("plugin run-faults.jar's"
                + " accelerator 'faulty-watts-nan' failed in watts: it returned NaN watts");
        assertThat(plan.get("winner").get("prefillHardware").asText()).isEqualTo("h100-sxm");
    }

    @Test
    void planOnFaultyAcceleratorsAloneExitsTwoNamingTheFault() {
        CliRun run = CliRun.of("plan", "--plugins", runFaults.toString(), "--model", "llama-3.1-8b", "--hardware",
                "faulty-place-runtime", "--rate", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: no accelerator to plan with: every one allowed failed in its plugin,"
                + " the first with: plugin run-faults.jar's accelerator 'faulty-place-runtime' failed in place: licence"
                + " server unreachable; leave the accelerator out, or report this to the plugin's vendor\n");
    }

    @Test
    void thePlansTextSaysWhatWasExcluded() {
        CliRun run = CliRun.with(Map.of("COLUMNS", "400"), "plan", "--plugins", runFaults.toString(), "--model",
                "llama-3.1-8b", "--hardware", "h100-sxm,faulty-place-runtime", "--rate", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("excluded faulty-place-runtime: plugin run-faults.jar's accelerator"
                + " 'faulty-place-runtime' failed in place: licence server unreachable; leave the accelerator out, or"
                + " report this to the plugin's vendor");
    }
}
