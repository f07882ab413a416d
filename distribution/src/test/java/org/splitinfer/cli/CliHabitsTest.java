package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tool does before any command runs: help, usage, a misspelt command or flag, a value it cannot read. */
class CliHabitsTest {

    @Test
    void helpPrintsTheToolsUsageAndExitsZero() {
        CliRun run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: splitinfer ").contains("estimate", "compare", "plan", "help");
    }

    @Test
    void helpOfACommandPrintsThatCommandsUsage() {
        CliRun help = CliRun.of("help", "estimate");
        CliRun flag = CliRun.of("estimate", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: splitinfer estimate ").contains("--concurrency=N|offline");
        assertThat(help.out()).isEqualTo(flag.out());
    }

    @Test
    void noArgumentsPrintTheUsageOnStandardErrorAndExitTwo() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: splitinfer ");
    }

    @Test
    void aMisspeltCommandGetsTheClosestOne() {
        CliRun run = CliRun.of("estimat", "--model", "llama-3.1-8b");
        CliRun help = CliRun.of("help", "simulat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown command 'estimat' (did you mean 'estimate'?); run"
                + " 'splitinfer help' for usage\n");
        assertThat(help.exitCode()).isEqualTo(2);
        assertThat(help.err()).isEqualTo("error: unknown command 'simulat' (did you mean 'simulate'?); run"
                + " 'splitinfer help' for usage\n");
    }

    @Test
    void aMisspeltFlagGetsTheClosestOneEvenInAnotherCase() {
        CliRun typo = CliRun.of("estimate", "--model", "llama-3.1-8b", "--inptu", "5");
        CliRun upper = CliRun.of("estimate", "--model", "llama-3.1-8b", "--TP", "5");

        assertThat(typo.err()).isEqualTo("error: unknown option '--inptu' of 'splitinfer estimate' (did you mean"
                + " '--input'?); run 'splitinfer estimate --help' for usage\n");
        assertThat(upper.err()).isEqualTo("error: unknown option '--TP' of 'splitinfer estimate' (did you mean"
                + " '--tp'?); run 'splitinfer estimate --help' for usage\n");
    }

    @Test
    void aStrayArgumentIsNamed() {
        CliRun run = CliRun.of("hardware", "gpu");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unexpected argument 'gpu': 'splitinfer hardware' takes options only (a"
                + " value with spaces needs quotes); run 'splitinfer hardware --help' for usage\n");
    }

    @Test
    void controlCharactersInAnEchoedValueAreEscapedSoTheErrorStaysOneLine() {
        CliRun run = CliRun.of("estimate", "--model", "llama\n3\u001b[31m", "--hardware", "h100-sxm:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: unknown model 'llama\\n3\\u001b[31m'");
    }

    @Test
    void anArgumentStartingWithAnAtSignIsAValueNotAFileOfArguments() {
        CliRun run = CliRun.of("estimate", "--model", "@/etc/hostname", "--hardware", "h100-sxm:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: model file '@/etc/hostname' does not exist");
    }

    @Test
    void aFormatTheChipCannotComputeIsBadInputNotAnInternalFailure() {
        // the plugin's own typed refusal: groq-lpu-v1 runs fp16 and int8
        CliRun run = CliRun.of("roofline", "--hardware", "groq-lpu-v1", "--model", "llama-3.1-8b", "--phase", "decode");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: groq-lpu-v1 cannot compute in bf16; it runs [fp16, int8]: choose one"
                + " of those with --precision\n");
    }

    @Test
    void theUsageFitsTheWidthOutputIsFittedTo() {
        CliRun narrow = CliRun.with(Map.of("COLUMNS", "60"), "help", "plan");

        assertThat(narrow.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        // picocli warns on System.err, past the captured streams, when a description holds a bare '%'
        // (sensitivity's "+/-10%" did); its help then printed the raw string
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : SplitInferCli.commandLine(new CliEnvironment(Map.of(), (Path) null),
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new Module[0])
                    .getSubcommands().keySet()) {
                assertThat(CliRun.of(command, "--help").exitCode()).as(command).isZero();
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
