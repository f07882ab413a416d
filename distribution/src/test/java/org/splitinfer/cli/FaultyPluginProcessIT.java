package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults of the matrix that need the real launcher and a process of their own: a plugin that never finishes
 * loading (its thread cannot be stopped, only left behind), and a plugin that prints to standard output, which must
 * not reach the command's output.
 */
class FaultyPluginProcessIT {
    @TempDir
    Path temp;

    @Test
    void pluginsThatLoopWhileLoadingAreSkippedAtTheDeadlineAndTheCommandFinishes() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path work = Files.createDirectories(temp.resolve("work"));
        FaultyPlugins.loadFault(work, plugins, "accelerators:loop");
        FaultyPlugins.loadFault(work, plugins, "static:loop");

        DistributionProcess run = DistributionProcess.run(
                Map.of("JAVA_OPTS", "-Dsplitinfer.pluginLoadTimeoutSeconds=1"), "hardware", "--plugins",
                plugins.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).contains("h100-sxm", "cerebras-wse3");
        assertThat(run.err().lines().toList()).containsExactly(
                "warning: skipped plugin " + plugins.resolve("load-accelerators-loop.jar") + ": faulty.LoadFaultPlugin"
                        + " did not finish loading within 1 s (a loop or a wait in its constructor, static initializer"
                        + " or accelerators()?); the limit is the system property splitinfer.pluginLoadTimeoutSeconds",
                "warning: skipped plugin " + plugins.resolve("load-static-loop.jar") + ": faulty.LoadFaultPlugin"
                        + " did not finish loading within 1 s (a loop or a wait in its constructor, static initializer"
                        + " or accelerators()?); the limit is the system property splitinfer.pluginLoadTimeoutSeconds");
    }

    @Test
    void whatAPluginPrintsGoesToStandardErrorAndJsonOutputStaysParseable() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path work = Files.createDirectories(temp.resolve("work"));
        FaultyPlugins.loadFault(work, plugins, "constructor:print");
        FaultyPlugins.runFaults(work, plugins);

        DistributionProcess hardware = DistributionProcess.run(Map.of(), "hardware", "--plugins", plugins.toString(),
                "--format", "json");
        DistributionProcess estimate = DistributionProcess.run(Map.of(), "estimate", "--plugins", plugins.toString(),
                "--model", "llama-3.1-8b", "--hardware", "faulty-kernel-seconds-print:8", "--format", "json");

        assertThat(hardware.exitCode()).as(hardware.err()).isZero();
        assertThat(ids(hardware.out())).contains("h100-sxm", "faulty-kernel-seconds-print");
        assertThat(hardware.err()).isEqualTo("ACME SDK 3.1 says hello on stdout\n");
        assertThat(estimate.exitCode()).as(estimate.err()).isZero();
        assertThat(new ObjectMapper().readTree(estimate.out()).get("ttftSeconds").asDouble()).isPositive();
        assertThat(estimate.err()).startsWith("ACME SDK 3.1 says hello on stdout\n")
                .doesNotContain("error").doesNotContain("warning");
    }

    @Test
    void pluginsTakesOnePluginJarAsWellAsAFolder() throws Exception {
        Path vendorJar = Path.of(System.getProperty("splitinfer.vendorExample"));
        Path jar = Files.copy(vendorJar, temp.resolve(vendorJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        DistributionProcess run = DistributionProcess.run(Map.of(), "hardware", "--plugins", jar.toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).contains("acme-npu-1", "h100-sxm");
        assertThat(run.err()).isEmpty();
    }

    private static List<String> ids(String json) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode accelerator : new ObjectMapper().readTree(json)) {
            ids.add(accelerator.get("id").asText());
        }
        return ids;
    }
}
