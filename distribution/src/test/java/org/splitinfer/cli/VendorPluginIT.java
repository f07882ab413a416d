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
 * The third-party plugin story end to end: the vendor example, built from source by maven-invoker-plugin against
 * the staged SPI and testkit, is dropped into a plugins directory next to three faulty plugins, and the assembled
 * distribution lists it while reporting and skipping each faulty one.
 */
class VendorPluginIT {
    @TempDir
    Path temp;

    private Path pluginsWithVendorExample() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path vendorJar = Path.of(System.getProperty("splitinfer.vendorExample"));
        assertThat(vendorJar).as("the vendor example was built by maven-invoker-plugin").exists();
        Files.copy(vendorJar, plugins.resolve(vendorJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return plugins;
    }

    @Test
    void theVendorExampleIsListedNextToTheBuiltInPlugins() throws Exception {
        Path plugins = pluginsWithVendorExample();

        DistributionProcess run = DistributionProcess.run(Map.of(), "hardware", "--plugins", plugins.toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).contains("acme-npu-1", "h100-sxm");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void threeFaultyPluginsAreEachReportedAndSkippedWhileTheRestStillList() throws Exception {
        Path plugins = pluginsWithVendorExample();
        Path work = Files.createDirectories(temp.resolve("work"));
        FaultyPlugins.loadFault(work, plugins, "constructor:runtime");
        FaultyPlugins.loadFault(work, plugins, "accelerators:runtime");
        FaultyPlugins.otherSpiVersion(work, plugins);

        DistributionProcess run = DistributionProcess.run(Map.of(), "hardware", "--plugins", plugins.toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).contains("acme-npu-1", "h100-sxm", "groq-lpu-v1");
        List<String> warnings = run.err().lines().toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings).allMatch(line -> line.startsWith("warning: skipped plugin " + plugins));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("future-spi.jar")
                .contains("built for SPI 2.0 but this SplitInfer runs SPI 1.1"));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("load-accelerators-runtime.jar")
                .contains("failed while loading its accelerators: licence server unreachable"));
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("load-constructor-runtime.jar")
                .contains("cannot be constructed: licence server unreachable"));
    }

    @Test
    void theEnvironmentVariableAddsPluginDirectories() throws Exception {
        Path plugins = pluginsWithVendorExample();

        DistributionProcess run = DistributionProcess.run(Map.of("SPLITINFER_PLUGINS", plugins.toString()),
                "hardware", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ids(run.out())).contains("acme-npu-1");
    }

    @Test
    void twoPluginsWithTheSameIdStopTheCommandNamingBoth() throws Exception {
        Path builtIn = DistributionProcess.home().resolve("plugins");

        DistributionProcess run = DistributionProcess.run(Map.of(), "hardware", "--plugins", builtIn.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: accelerator '").contains("is provided by both")
                .contains("remove one of the two plugins");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void theLibFolderHoldsNoPluginAndThePluginsFolderHoldsAllSix() throws Exception {
        try (var lib = Files.list(DistributionProcess.home().resolve("lib"));
             var plugins = Files.list(DistributionProcess.home().resolve("plugins"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("splitinfer-plugin-"))
                    .anyMatch(name -> name.startsWith("splitinfer-core-"));
            assertThat(plugins.map(p -> p.getFileName().toString().replaceAll("-[0-9].*", "")))
                    .containsExactlyInAnyOrder("splitinfer-plugin-gpu", "splitinfer-plugin-lpu",
                            "splitinfer-plugin-wafer", "splitinfer-plugin-rdu", "splitinfer-plugin-optical",
                            "splitinfer-plugin-riscv");
        }
    }

    @Test
    void badUsageOfTheRealLauncherExitsTwoWithOneLine() throws Exception {
        DistributionProcess run = DistributionProcess.run(Map.of(), "hardware", "--nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("unknown option '--nope'");
    }

    @Test
    void theRealLauncherWithoutACommandPrintsTheUsageOnStandardErrorAndExitsTwo() throws Exception {
        DistributionProcess run = DistributionProcess.run(Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: splitinfer ");
    }

    @Test
    void theRealLauncherPrintsTheVersion() throws Exception {
        DistributionProcess run = DistributionProcess.run(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("splitinfer 0.1.0-SNAPSHOT");
    }

    private static List<String> ids(String json) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode accelerator : new ObjectMapper().readTree(json)) {
            ids.add(accelerator.get("id").asText());
        }
        return ids;
    }
}
