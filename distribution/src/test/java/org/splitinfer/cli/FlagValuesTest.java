package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric flags parse strictly against their documented ranges, file flags name files that can be read or written,
 * and a flag the command cannot use is refused: each a sentence that names the flag, and exit code 2.
 */
class FlagValuesTest {

    @Test
    void aValuePastALongNamesTheFlagAndItsRange() {
        // once an internal failure ("context tokens must be >= 0, got -9223372036854775509")
        assertThat(CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--input",
                "9223372036854775807").err()).isEqualTo("error: --input must be a whole number of tokens from 1 to"
                + " 16,777,216, got '9223372036854775807'; run 'splitinfer estimate --help' for usage\n");
        assertThat(CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--context",
                "9223372036854775807").err()).isEqualTo("error: --context must be a whole number of tokens from 0 to"
                + " 16,777,216, got '9223372036854775807'; run 'splitinfer kernels --help' for usage\n");
        assertThat(CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--batch",
                "9223372036854775808").err()).isEqualTo("error: --batch must be a whole number of sequences from 1"
                + " to 1,048,576, got '9223372036854775808'; run 'splitinfer kernels --help' for usage\n");
    }

    @Test
    void countsThatWouldOverflowTheChipsAreRefusedBeforeAnyArithmetic() {
        // once "chips": -1194767352 with exit 0, and -2147483648 chips
        CliRun instances = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode",
                "h100-sxm:1", "--decode-instances", "1000000000");
        CliRun chips = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:2147483647",
                "--decode", "h100-sxm:1");
        CliRun fit = CliRun.of("fit", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--chips", "2147483647");

        assertThat(instances.exitCode()).isEqualTo(2);
        assertThat(instances.err()).startsWith("error: --decode-instances must be a whole number of instances from 1"
                + " to 1,048,576, got '1000000000'");
        assertThat(chips.err()).startsWith("error: --prefill must be HW:N with N a whole number of chips from 1 to"
                + " 1,048,576, or HW:auto for the tool's choice, got 'h100-sxm:2147483647'");
        assertThat(fit.err()).startsWith("error: --chips must be auto (the tool's choice) or a whole number from 1 to"
                + " 1,048,576, got '2147483647'");
    }

    @Test
    void numbersAreReadStrictly() {
        // a sign, an exponent, hexadecimal, another script's digits, NaN: none is a count or a rate
        for (String value : new String[] {"+5", "1e3", "0x10", "\u0663", "1_000", "5 ", ""}) {
            CliRun run = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--output",
                    value);

            assertThat(run.exitCode()).as(value).isEqualTo(2);
            assertThat(run.err()).as(value).startsWith("error: --output must be a whole number of tokens from 1 to"
                    + " 16,777,216, got '");
        }
        for (String value : new String[] {"NaN", "Infinity", "1e400", "0x1p3", "1d", "-1", "0"}) {
            CliRun run = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--rate",
                    value);

            assertThat(run.exitCode()).as(value).isEqualTo(2);
            assertThat(run.err()).as(value).startsWith("error: --rate must be a number of requests per second"
                    + " above 0 and at most 1,000,000, got '");
        }
    }

    @Test
    void aRunLongerThanTheSimulatorCanCountIsRefused() {
        // 20 requests at 1e-12 per second span 2e13 simulated seconds; the simulator's clock wraps past 9.2e9
        CliRun run = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "20",
                "--rate", "1e-12");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --requests 20 at --rate 1.0E-12 would span about 2.00e+13 simulated"
                + " seconds, past the simulator's 1e9 (31 years); raise --rate or lower --requests\n");
    }

    @Test
    void aFileToReadMustBeARegularFile(@TempDir Path temp) {
        CliRun folder = CliRun.of("estimate", "--model", "llama-3.1-8b", "--pipeline", temp.toString());
        CliRun device = CliRun.of("validate", "--cases", "/dev/zero");
        CliRun missing = CliRun.of("compare", "--deployments", temp.resolve("none.yaml").toString());
        CliRun model = CliRun.of("fit", "--model", "/dev/zero", "--hardware", "h100-sxm");

        assertThat(folder.err()).isEqualTo("error: --pipeline must name a file to read, got '" + temp + "', which is"
                + " a folder; run 'splitinfer estimate --help' for usage\n");
        // /dev/zero never ends: refused before it is read
        assertThat(device.err()).isEqualTo("error: --cases must name a file to read, got '/dev/zero', which is not a"
                + " regular file (a device or a pipe); run 'splitinfer validate --help' for usage\n");
        assertThat(missing.err()).startsWith("error: --deployments must name a file to read, got '")
                .contains("', which does not exist;");
        assertThat(model.err()).isEqualTo("error: --model names '/dev/zero', which is not a regular file (a device or a"
                + " pipe); give a catalog id, a config.json or its folder\n");
    }

    @Test
    void aFileToWriteIsCheckedBeforeTheWork(@TempDir Path temp) {
        CliRun folder = CliRun.of("calibrate", "--write", temp.toString());
        CliRun nul = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--timeseries",
                "a\u0000b");

        assertThat(folder.exitCode()).isEqualTo(2);
        // nothing printed: the calibration was never computed
        assertThat(folder.out()).isEmpty();
        assertThat(folder.err()).isEqualTo("error: --write must name a file to write, got '" + temp + "', which is a"
                + " folder; run 'splitinfer calibrate --help' for usage\n");
        assertThat(nul.err()).isEqualTo("error: --timeseries must be a path, got 'a\\u0000b', which holds a character"
                + " no path can; run 'splitinfer simulate --help' for usage\n");
    }

    @Test
    void aSimulationFlagTheRunCannotUseIsRefused() {
        CliRun interval = simulate("--hardware", "h100-sxm:1", "--sample-interval", "5");
        CliRun sizeFor = simulate("--hardware", "h100-sxm:1", "--size-for", "64");
        CliRun skip = simulate("--hardware", "h100-sxm:1", "--workload", "chat", "--skip-bad-rows");

        assertThat(interval.err()).isEqualTo("error: --sample-interval sets the rows of --timeseries FILE, which is"
                + " not given; add --timeseries FILE or drop --sample-interval\n");
        assertThat(sizeFor.err()).isEqualTo("error: --size-for sizes auto pools (HW:auto), and every pool of this"
                + " deployment gives its chips; drop --size-for or give a pool as HW:auto\n");
        assertThat(skip.err()).isEqualTo("error: --skip-bad-rows applies to a trace file, and --workload chat is built"
                + " in; drop --skip-bad-rows\n");
        assertThat(simulate("--hardware", "h100-sxm:auto", "--size-for", "64").exitCode()).isZero();
    }

    @Test
    void aStepFlagWithoutAModelAndExpertsOfADenseModelAreRefused() {
        CliRun roofline = CliRun.of("roofline", "--hardware", "h100-sxm", "--batch", "8", "--tp", "2");
        CliRun dense = CliRun.of("kernels", "--model", "llama-3.1-8b", "--phase", "decode", "--tp", "2", "--ep", "2");

        // once ignored: the ridge points print as if --batch and --tp were not given
        assertThat(roofline.err()).isEqualTo("error: --batch, --tp describe a step of a model: give --model too, or"
                + " drop them for the chip's ridge points alone; run 'splitinfer roofline --help' for usage\n");
        assertThat(dense.err()).isEqualTo("error: --ep spreads the experts of a mixture-of-experts model, and model"
                + " 'llama-3.1-8b' has none; drop --ep; run 'splitinfer kernels --help' for usage\n");
    }

    @Test
    void anEmptyHardwareListIsRefusedRatherThanReadAsEveryChip() {
        // "--hardware ," once planned with every installed chip: 7,920 deployments instead of none
        CliRun run = CliRun.of("plan", "--hardware", ",", "--model", "llama-3.1-8b", "--requests", "5", "--top", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --hardware lists an empty name; give accelerator ids or families"
                + " separated by commas, or leave --hardware out for every installed one\n");
    }

    @Test
    void theUniqueBeginningOfAnIdNamesAPool() {
        CliRun prefix = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100:1", "--decode",
                "groq-lpu:auto", "--decode-precision", "int8", "--format", "json");
        CliRun ids = CliRun.of("estimate", "--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode",
                "groq-lpu-v1:auto", "--decode-precision", "int8", "--format", "json");
        CliRun ambiguous = CliRun.of("estimate", "--model", "llama-3.1-8b", "--hardware", "groq:auto");

        assertThat(prefix.exitCode()).as(prefix.err()).isZero();
        assertThat(prefix.out()).isEqualTo(ids.out());
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).startsWith("error: unknown accelerator 'groq'; did you mean one of groq-lp30,"
                + " groq-lpu-v1? Available: ");
    }

    private static CliRun simulate(String... args) {
        String[] line = new String[args.length + 5];
        line[0] = "simulate";
        line[1] = "--model";
        line[2] = "llama-3.1-8b";
        line[3] = "--requests";
        line[4] = "5";
        System.arraycopy(args, 0, line, 5, args.length);
        return CliRun.of(line);
    }
}
