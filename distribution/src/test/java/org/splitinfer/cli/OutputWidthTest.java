package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every command's table fits 80 columns when output is not a terminal (or the terminal's width, given here as
 * {@code COLUMNS}), with human units; CSV carries plain numbers with the unit in the column's name.
 */
class OutputWidthTest {
    private static final List<String[]> TABLES = List.of(
            new String[] {"hardware"},
            new String[] {"models"},
            new String[] {"kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--batch", "8"},
            new String[] {"roofline", "--hardware", "h100-sxm", "--model", "llama-3.1-8b", "--phase", "decode"},
            new String[] {"fit", "--model", "deepseek-r1", "--hardware", "sambanova-sn40l", "--chips", "16"},
            new String[] {"estimate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8", "--decode",
                    "groq-lpu-v1:auto", "--decode-precision", "int8"},
            new String[] {"compare"},
            new String[] {"simulate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "h100-sxm:1",
                    "--requests", "50"},
            new String[] {"plan", "--model", "llama-3.1-8b", "--hardware", "h100-sxm,groq-lpu-v1", "--requests",
                    "50", "--top", "2"},
            new String[] {"validate"},
            new String[] {"calibrate"},
            new String[] {"bench", "--requests", "50"});

    @Test
    void everyCommandFitsEightyColumnsWhenOutputIsNotATerminal() {
        for (String[] args : TABLES) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode()).as("%s: %s", args[0], run.err()).isZero();
            assertThat(run.out().lines()).as(args[0])
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        }
    }

    @Test
    void aTerminalsWidthIsUsed() {
        CliRun narrow = CliRun.with(Map.of("COLUMNS", "60"), "hardware");
        CliRun wide = CliRun.with(Map.of("COLUMNS", "250"), "hardware");

        assertThat(narrow.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        // wide enough, nothing wraps: one line per chip under the two lines of headers
        assertThat(wide.out().lines().filter(line -> line.startsWith("a100-sxm-80gb ")).findFirst().orElseThrow())
                .contains("NVIDIA A100 SXM4 80GB").contains("a100-datasheet dgx-a100-guide");
    }

    @Test
    void tablesUseHumanUnits() {
        CliRun kernels = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode");

        // qkv_proj at batch 1: 2 × 4,096 × 6,144 × 32 layers = 1.61e9 FLOPs; its weights, 4,096 × 6,144 × 2 bytes
        // × 32 = 1.61 GB
        assertThat(kernels.out().lines().filter(line -> line.startsWith("qkv_proj ")).findFirst().orElseThrow())
                .contains("1.61 GFLOP").contains("1.61 GB");
    }

    @Test
    void csvCarriesPlainNumbersWithTheUnitInTheColumnName() {
        CliRun compare = CliRun.of("compare", "--model", "llama-3.1-8b", "--deployment", "--hardware h100-sxm:1",
                "--format", "csv");
        CliRun simulate = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests",
                "20", "--format", "csv");
        CliRun roofline = CliRun.of("roofline", "--hardware", "h100-sxm", "--format", "csv");

        List<String> rows = compare.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("deployment,ttft_seconds,tpot_seconds,simulated_ttft_p90_seconds,"
                + "output_tokens_per_second_per_user,output_tokens_per_second_per_kilowatt,"
                + "output_tokens_per_second_per_usd_per_hour,tokens_per_joule,usd_per_million_tokens,chips,limited_by,"
                + "rests_on,problem");
        // the row's name has no comma, and its figures come before the quoted prose
        List<String> cells = List.of(rows.get(1).split(","));
        for (String number : cells.subList(1, 10)) {
            assertThat(Double.parseDouble(number)).as(number).isFinite().isPositive();
        }
        assertThat(simulate.out().lines().findFirst().orElseThrow()).startsWith("requests,completed,rejected,"
                + "in_flight,duration_seconds,ttft_p50_seconds,");
        // h100-sxm's bf16 peak, 989.4 TFLOP/s, in FLOP/s
        assertThat(roofline.out()).startsWith("precision,peak_flops_per_second,tier,bytes_per_second,"
                + "ridge_flops_per_byte\n").contains("\nbf16,989400000000000,hbm,");
    }
}
