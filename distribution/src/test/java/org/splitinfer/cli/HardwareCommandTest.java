package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareCommandTest {

    @Test
    void jsonListsAtLeastOneAcceleratorOfEachFamilyWithItsSources() throws Exception {
        CliRun run = CliRun.of("hardware", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array.isArray()).isTrue();
        Set<String> families = new HashSet<>();
        for (JsonNode accelerator : array) {
            assertThat(accelerator.has("id")).isTrue();
            assertThat(accelerator.get("vendor").asText()).isNotBlank();
            assertThat(accelerator.get("status").asText()).isIn("SHIPPING", "ANNOUNCED", "PROJECTED");
            assertThat(accelerator.get("sources").isArray()).isTrue();
            families.add(accelerator.get("family").asText());
        }
        assertThat(families).contains("gpu", "lpu", "wafer", "rdu", "optical", "riscv");
    }

    @Test
    void jsonIsSortedById() throws Exception {
        JsonNode array = new ObjectMapper().readTree(CliRun.of("hardware", "--format", "json").out());
        String previous = "";
        for (JsonNode accelerator : array) {
            assertThat(accelerator.get("id").asText()).isGreaterThan(previous);
            previous = accelerator.get("id").asText();
        }
    }

    @Test
    void csvHasAHeaderAndOneLinePerAccelerator() throws Exception {
        CliRun csv = CliRun.of("hardware", "--format", "csv");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("hardware", "--format", "json").out());

        String[] lines = csv.out().split("\n");
        assertThat(lines[0]).isEqualTo("id,family,vendor,name,status,figures,assumed_figures,sources");
        assertThat(lines).hasSize(json.size() + 1);
    }

    @Test
    void tableIsTheDefaultFormat() {
        CliRun run = CliRun.of("hardware");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("id ").contains("h100-sxm");
    }

    @Test
    void anUnknownOptionExitsTwoWithOneLineNamingIt() {
        CliRun run = CliRun.of("hardware", "--nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).isEqualTo("error: unknown option '--nope' of 'splitinfer hardware'; run 'splitinfer"
                + " hardware --help' for usage\n");
    }

    @Test
    void anUnknownFormatExitsTwoNamingTheValidOnes() {
        CliRun run = CliRun.of("hardware", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).isEqualTo("error: --format must be one of table, json, csv, got 'xml'; run"
                + " 'splitinfer hardware --help' for usage\n");
    }

    @Test
    void aMissingPluginDirectoryExitsTwoNamingIt(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-dir");
        CliRun run = CliRun.of("hardware", "--plugins", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: plugin path '" + missing
                + "' does not exist; check the plugin search path (--plugins and SPLITINFER_PLUGINS)\n");
    }

    @Test
    void versionPrintsTheToolAndSpiVersions() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("splitinfer \\S+ \\(plugin SPI 1\\.\\d+\\)\\s*");
    }

    @Test
    void helpListsTheHardwareCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("hardware").contains("--plugins");
    }
}
