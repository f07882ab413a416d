package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad row, on line 4 of a five-line file: named with file and line, refused as a whole (before any
 * request is handed out), or skipped and counted.
 */
class TraceBadRowsTest {
    private static final String CSV_HEADER = "arrivalSeconds,inputTokens,outputTokens\n";
    private static final String FIX = "; fix the row or skip bad rows";

    @TempDir
    Path folder;

    static Stream<Arguments> badRows() {
        String csvRows = "0,100,10\n1,200,20\n%s\n3,300,30\n";
        String jsonRows = """
                {"arrivalSeconds": 0, "inputTokens": 100, "outputTokens": 10}
                {"arrivalSeconds": 1, "inputTokens": 200, "outputTokens": 20}
                {"arrivalSeconds": 1.5, "inputTokens": 150, "outputTokens": 15}
                %s
                {"arrivalSeconds": 3, "inputTokens": 300, "outputTokens": 30}
                """;
        String azureRows = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:00:00.0000000,100,10\n"
                + "2023-11-16 18:00:01.0000000,200,20\n%s\n2023-11-16 18:00:03.0000000,300,30\n";
        return Stream.of(
                Arguments.of("too few columns", "trace.csv", CSV_HEADER + csvRows.formatted("2,250"),
                        "expected 3 comma-separated values (arrivalSeconds,inputTokens,outputTokens), got 2" + FIX),
                Arguments.of("too many columns", "trace.csv", CSV_HEADER + csvRows.formatted("2,250,25,9"),
                        "expected 3 comma-separated values (arrivalSeconds,inputTokens,outputTokens), got 4" + FIX),
                Arguments.of("not a number", "trace.csv", CSV_HEADER + csvRows.formatted("2,250,x"),
                        "outputTokens must be a whole number from 1 to 16,777,216, got 'x'" + FIX),
                Arguments.of("zero tokens", "trace.csv", CSV_HEADER + csvRows.formatted("2,0,25"),
                        "inputTokens must be a whole number from 1 to 16,777,216, got '0'" + FIX),
                Arguments.of("negative tokens", "trace.csv", CSV_HEADER + csvRows.formatted("2,-250,25"),
                        "inputTokens must be a whole number from 1 to 16,777,216, got '-250'" + FIX),
                Arguments.of("fractional tokens", "trace.csv", CSV_HEADER + csvRows.formatted("2,250,2.5"),
                        "outputTokens must be a whole number from 1 to 16,777,216, got '2.5'" + FIX),
                Arguments.of("a request longer than the token limit", "trace.csv",
                        CSV_HEADER + csvRows.formatted("2,16777216,1"),
                        "inputTokens + outputTokens = 16777217 tokens, more than the 16,777,216 SplitInfer models in"
                                + " one request" + FIX),
                Arguments.of("arrival not a number", "trace.csv", CSV_HEADER + csvRows.formatted("two,250,25"),
                        "arrivalSeconds must be a number of seconds >= 0, got 'two'" + FIX),
                Arguments.of("arrival going backwards", "trace.csv", CSV_HEADER + csvRows.formatted("0.5,250,25"),
                        "arrivalSeconds '0.5' is earlier than the arrival on line 3; sort the rows by arrival or "
                                + "skip bad rows"),
                Arguments.of("unknown key", "trace.jsonl",
                        jsonRows.formatted("{\"arrivalSeconds\": 2, \"inputToken\": 250, \"outputTokens\": 25}"),
                        "unknown key 'inputToken' (did you mean 'inputTokens'?), expected only arrivalSeconds, "
                                + "inputTokens, outputTokens" + FIX),
                Arguments.of("missing key", "trace.jsonl",
                        jsonRows.formatted("{\"arrivalSeconds\": 2, \"inputTokens\": 250}"),
                        "missing key 'outputTokens'" + FIX),
                Arguments.of("repeated key", "trace.jsonl", jsonRows.formatted(
                                "{\"arrivalSeconds\": 2, \"inputTokens\": 250, \"inputTokens\": 9, \"outputTokens\": 1}"),
                        "key 'inputTokens' appears twice" + FIX),
                Arguments.of("a string for a number", "trace.jsonl",
                        jsonRows.formatted("{\"arrivalSeconds\": 2, \"inputTokens\": \"250\", \"outputTokens\": 25}"),
                        "inputTokens must be a whole number from 1 to 16,777,216, got '\"250\"'" + FIX),
                Arguments.of("not an object", "trace.jsonl", jsonRows.formatted("[2, 250, 25]"),
                        "expected a JSON object of numbers with the keys arrivalSeconds, inputTokens, outputTokens, "
                                + "got '[2, 250, 25]'" + FIX),
                Arguments.of("an unclosed object", "trace.jsonl",
                        jsonRows.formatted("{\"arrivalSeconds\": 2, \"inputTokens\": 250, \"outputTokens\": 25"),
                        "expected a JSON object of numbers with the keys arrivalSeconds, inputTokens, outputTokens, "
                                + "got '{\"arrivalSeconds\": 2, \"inputTokens\": 250, \"outputTokens\": 25'" + FIX),
                Arguments.of("a bad timestamp", "azure.csv",
                        azureRows.formatted("2023-11-16 25:00:00.0000000,250,25"),
                        "TIMESTAMP must be a time like 2023-11-16 18:15:46.6805900, got '2023-11-16 25:00:00.0000000'"
                                + FIX),
                Arguments.of("bad Azure tokens", "azure.csv",
                        azureRows.formatted("2023-11-16 18:00:02.0000000,250,"),
                        "GeneratedTokens must be a whole number from 1 to 16,777,216, got ''" + FIX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void aBadRowIsNamedByFileAndLineAndRefusesTheWholeTrace(String kind, String fileName, String content,
                                                            String problem) throws IOException {
        Path file = Files.writeString(folder.resolve(fileName), content);
        TraceWorkload trace = Workloads.trace(file);

        // open() reads the whole trace before handing out the first (good) request
        assertThatThrownBy(() -> trace.open(1))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ":4: " + problem);
        assertThatThrownBy(trace::stats).isInstanceOf(WorkloadException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void aBadRowIsSkippedAndCountedWhenAskedTo(String kind, String fileName, String content, String problem)
            throws IOException {
        Path file = Files.writeString(folder.resolve(fileName), content);
        TraceWorkload trace = Workloads.trace(file, true);

        assertThat(trace.summary().skippedRows()).isEqualTo(1);
        List<Requests> pass = Requests.first(trace, 1, (int) trace.summary().rows());
        assertThat(pass).extracting(Requests::inputTokens).doesNotContain(250).contains(100, 200, 300);
    }

    @Test
    void skippingWorksOnEveryPassOfATraceStreamedFromItsFile() throws IOException {
        Path file = Files.writeString(folder.resolve("trace.csv"), CSV_HEADER + "0,100,10\nbad\n2,200,20\n");
        // two rows: span 2 s, mean gap 2 s, shift 4 s
        TraceWorkload streamed = new TraceWorkload("trace.csv", TraceSource.file(file), true, 1);

        assertThat(Requests.first(streamed, 1, 4)).containsExactly(Requests.of(0, 100, 10),
                Requests.of(2_000_000_000L, 200, 20), Requests.of(4_000_000_000L, 100, 10),
                Requests.of(6_000_000_000L, 200, 20));
        assertThat(streamed.summary().skippedRows()).isEqualTo(1);
    }

    @Test
    void aTraceOfOnlyBadRowsIsEmptyEvenWhenSkipping() throws IOException {
        Path file = Files.writeString(folder.resolve("trace.csv"), CSV_HEADER + "x,1,1\n0,0,1\n");

        assertThatThrownBy(() -> Workloads.trace(file, true).stats())
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ": the trace has no requests (all 2 rows are bad and were skipped); give at least "
                        + "one row of arrival, prompt tokens and output tokens");
    }

    @Test
    void theFirstBadRowIsTheOneReported() throws IOException {
        Path file = Files.writeString(folder.resolve("trace.csv"), CSV_HEADER + "0,1,1\n1,x,1\n2,1,y\n");

        assertThatThrownBy(() -> Workloads.trace(file).stats())
                .hasMessage(file + ":3: inputTokens must be a whole number from 1 to 16,777,216, got 'x'" + FIX);
    }
}
