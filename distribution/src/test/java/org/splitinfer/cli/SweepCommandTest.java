package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.sweep.SweepCsv;

class SweepCommandTest {
    /** 1 model x 2 rates x 2 hardware sets x 2 objectives = 8 points, each a one-candidate plan of 200 requests. */
    private static final String GRID = """
            models: [llama-3.1-8b]
            rates: [2, 4]
            hardware: [[h100-sxm], [a100]]
            objectives: [cost, chips]
            top: 1
            requests: 200
            """;

    @TempDir
    Path folder;

    private Path grid(String yaml) throws Exception {
        Path file = folder.resolve("grid.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aSweepWritesOneRowPerPointInPointOrderWhateverTheThreads() throws Exception {
        Path grid = grid(GRID);
        Path one = folder.resolve("one.csv");
        Path two = folder.resolve("two.csv");

        CliRun first = CliRun.of("sweep", "--grid", grid.toString(), "--out", one.toString(), "--threads", "1");
        CliRun second = CliRun.of("sweep", "--grid", grid.toString(), "--out", two.toString(), "--threads", "2");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("8 points: 8 computed, 0 kept from an earlier run; ")
                .contains("on 1 thread (").endsWith("wrote " + one + "\n");
        assertThat(second.out()).contains("on 2 threads (");
        assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
        List<String> lines = Files.readAllLines(one);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo(SweepCsv.HEADER);
        // point 2 = rate 2, the second set ("a100" written as its id by the planner), objective cost
        List<String> row = SweepCsv.fields(lines.get(3));
        assertThat(row.subList(0, 14)).containsExactly("2", row.get(1), "plan", "llama-3.1-8b", "chat", "2.0", "1.0",
                "0.05", "a100", "", "cost", "200", "1", "winner");
        assertThat(row.get(17)).isEqualTo("a100-sxm-80gb");
    }

    @Test
    void anInterruptedSweepResumesWithTheMissingPointsOnly() throws Exception {
        Path grid = grid(GRID);
        Path out = folder.resolve("rows.csv");
        CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString());
        String whole = Files.readString(out);
        // the interruption: the header, 3 whole rows and half of the fourth
        String[] lines = whole.split("\n");
        Files.writeString(out, String.join("\n", Arrays.copyOfRange(lines, 0, 4)) + "\n"
                + lines[4].substring(0, lines[4].length() / 2), StandardCharsets.UTF_8);

        CliRun again = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString());
        CliRun resumed = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString(), "--resume");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: --out " + out + " already holds rows; add --resume to compute only"
                + " the missing points, or remove it to start again\n");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // 8 points, 3 kept: 5 computed (the torn one again)
        assertThat(resumed.out()).startsWith("8 points: 5 computed, 3 kept from an earlier run; ");
        assertThat(Files.readString(out)).isEqualTo(whole);
    }

    @Test
    void aParquetOutputKeepsItsRowsInACsvJournalBesideIt() throws Exception {
        Path grid = grid("models: [llama-3.1-8b]\nrates: [2]\nhardware: [[h100-sxm]]\ntop: 1\nrequests: 200\n");
        Path out = folder.resolve("rows.parquet");

        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(Files.readAllLines(folder.resolve("rows.parquet.csv"))).hasSize(2);
    }

    @Test
    void aBadGridIsOneSentenceAndExitTwo() throws Exception {
        Path grid = grid("models: [llama-3.1-8b]\nrate: [2]\n");

        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", folder.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: grid file '" + grid + "' has 2 problems: rate: unknown key; did you"
                + " mean 'rates'?; rates: required, a list; the grid's schema is in the README's 'Sweeps'");
        assertThat(Files.exists(folder.resolve("x.csv"))).isFalse();
    }

    @Test
    void eachOverrideSetIsAWhatIfOfItsPoints() throws Exception {
        // one H100 serving Llama-3.1-8B at 2 requests/s, as installed and with twice the sheet's 3.35e12 B/s of HBM:
        // decode at small batch reads weights and cache, so the what-if point's p90 TPOT falls, close to half
        Path grid = grid("""
                mode: simulate
                models: [llama-3.1-8b]
                rates: [2]
                deployments: [{colocated: {hardware: h100-sxm, chips: 1}}]
                overrides: [[], [h100-sxm.hbm.bytesPerSecond=6.7e12]]
                requests: 200
                """);
        Path out = folder.resolve("x.csv");

        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        List<String> plain = SweepCsv.fields(lines.get(1));
        List<String> faster = SweepCsv.fields(lines.get(2));
        assertThat(plain.get(9)).isEmpty();
        assertThat(faster.get(9)).isEqualTo("h100-sxm.hbm.bytesPerSecond=6.7e12");
        assertThat(faster.get(13)).isEqualTo("simulated");
        double ratio = Double.parseDouble(faster.get(21)) / Double.parseDouble(plain.get(21));
        assertThat(ratio).isBetween(0.5, 0.75);
    }

    @Test
    void anOverrideNoChipHasIsRefusedBeforeAnyRowIsWritten() throws Exception {
        Path grid = grid("models: [llama-3.1-8b]\nrates: [2]\noverrides: [[], [groq-lpu-v1.sram.bytes=460e6]]\n");
        Path out = folder.resolve("x.csv");

        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("chip 'groq-lpu-v1' has no figure 'sram.bytes'");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aMalformedOverrideIsTheGridsProblem() throws Exception {
        Path grid = grid("models: [llama-3.1-8b]\nrates: [2]\noverrides: [[groq-lpu-v1.sram.capacityBytes]]\n");

        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", folder.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: grid file '" + grid + "' has 1 problem: overrides[0]: --set"
                + " 'groq-lpu-v1.sram.capacityBytes' is not ID.FIGURE=VALUE or ID@NEWID.FIGURE=VALUE");
    }
}
