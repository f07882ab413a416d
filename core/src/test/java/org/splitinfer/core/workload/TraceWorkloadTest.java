package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading traces in the three formats; the small trace's figures are worked out by hand. */
class TraceWorkloadTest {
    private static final long SECOND = 1_000_000_000L;

    /** Four requests at 0, 1, 3 and 6 s. */
    static final String CSV = """
            arrivalSeconds,inputTokens,outputTokens
            0,100,10
            1,200,20
            3,300,30
            6,400,40
            """;

    /** The same requests as JSON lines, keys in varied order and spacing. */
    static final String JSON_LINES = """
            {"arrivalSeconds": 0, "inputTokens": 100, "outputTokens": 10}
            {"inputTokens":200,"outputTokens":20,"arrivalSeconds":1.0}
            { "outputTokens" : 30 , "arrivalSeconds" : 3 , "inputTokens" : 300 }
            {"arrivalSeconds": 6e0, "inputTokens": 400, "outputTokens": 40}
            """;

    /** The same requests in the Azure trace's format, across midnight. */
    static final String AZURE = """
            TIMESTAMP,ContextTokens,GeneratedTokens
            2023-11-16 23:59:58.0000000,100,10
            2023-11-16 23:59:59.0000000,200,20
            2023-11-17 00:00:01.0000000,300,30
            2023-11-17 00:00:04.0000000,400,40
            """;

    static final List<Requests> FOUR_REQUESTS = List.of(Requests.of(0, 100, 10), Requests.of(SECOND, 200, 20),
            Requests.of(3 * SECOND, 300, 30), Requests.of(6 * SECOND, 400, 40));

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void statsOfASmallTraceAreWorkedOutByHand() throws IOException {
        TraceWorkload trace = Workloads.trace(write("trace.csv", CSV));

        // means (100 + 200 + 300 + 400) / 4 = 250 and (10 + 20 + 30 + 40) / 4 = 25; longest 400 and 40
        assertThat(trace.stats()).isEqualTo(new WorkloadStats(250, 25, 400, 40));
        // span 6 − 0 = 6 s; mean gap 6 / (4 − 1) = 2 s; replay shift 6 + 2 = 8 s
        assertThat(trace.summary()).isEqualTo(new TraceSummary(TraceFormat.CSV, 4, 0, 6 * SECOND, 8 * SECOND));
        // (4 − 1) requests / 6 s = 0.5 req/s
        assertThat(trace.meanRequestsPerSecond()).hasValue(0.5);
        assertThat(trace.name()).isEqualTo("trace.csv");
    }

    @Test
    void theThreeFormatsGiveTheSameRequests() throws IOException {
        TraceWorkload csv = Workloads.trace(write("trace.csv", CSV));
        TraceWorkload jsonLines = Workloads.trace(write("trace.jsonl", JSON_LINES));
        TraceWorkload azure = Workloads.trace(write("azure.csv", AZURE));

        assertThat(Requests.first(csv, 1, 4)).isEqualTo(FOUR_REQUESTS);
        assertThat(Requests.first(jsonLines, 1, 4)).isEqualTo(FOUR_REQUESTS);
        assertThat(Requests.first(azure, 1, 4)).isEqualTo(FOUR_REQUESTS);
        assertThat(List.of(csv.summary().format(), jsonLines.summary().format(), azure.summary().format()))
                .containsExactly(TraceFormat.CSV, TraceFormat.JSON_LINES, TraceFormat.AZURE_LLM_INFERENCE);
    }

    @Test
    void theContentDecidesTheFormatNotTheFileName() throws IOException {
        TraceWorkload jsonInCsv = Workloads.trace(write("requests.csv", JSON_LINES));
        TraceWorkload csvInTxt = Workloads.trace(write("requests.txt", CSV));

        assertThat(jsonInCsv.summary().format()).isEqualTo(TraceFormat.JSON_LINES);
        assertThat(csvInTxt.summary().format()).isEqualTo(TraceFormat.CSV);
    }

    @Test
    void csvColumnsFollowTheHeadersOrder() throws IOException {
        TraceWorkload trace = Workloads.trace(write("trace.csv", """
                outputTokens, arrivalSeconds ,inputTokens
                10,0,100
                20, 1 ,200
                30,3,300
                40,6,400
                """));

        assertThat(Requests.first(trace, 1, 4)).isEqualTo(FOUR_REQUESTS);
    }

    @Test
    void crLfLineEndsAByteOrderMarkBlankLinesAndNoFinalLineEndAreRead() throws IOException {
        String crlf = "\uFEFF" + CSV.replace("\n", "\r\n").replace("1,200,20", "\r\n1,200,20").strip();
        TraceWorkload trace = Workloads.trace(write("trace.csv", crlf));

        assertThat(Requests.first(trace, 1, 4)).isEqualTo(FOUR_REQUESTS);
    }

    @Test
    void fractionalSecondsAreExact() throws IOException {
        TraceWorkload trace = Workloads.trace(write("trace.csv", """
                arrivalSeconds,inputTokens,outputTokens
                10.1,1,1
                10.3,1,1
                """));

        // 10.3 − 10.1 = 0.2 s = 200,000,000 ns, exactly (in double it would be 0.20000000000000107)
        assertThat(Requests.first(trace, 1, 2).get(1).arrivalNanos()).isEqualTo(200_000_000L);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.csv", "\n  \n");

        assertThatThrownBy(() -> Workloads.trace(file).stats())
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ": the trace is empty; give a header such as arrivalSeconds,inputTokens,"
                        + "outputTokens and one row per request, or one JSON object per line");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws IOException {
        Path file = write("header.csv", "arrivalSeconds,inputTokens,outputTokens\n");

        assertThatThrownBy(() -> Workloads.trace(file).open(1))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ": the trace has no requests; give at least one row of arrival, prompt tokens and "
                        + "output tokens");
    }

    @Test
    void anUnknownHeaderIsRefusedWithTheClosestColumn() throws IOException {
        Path file = write("trace.csv", "arrivalSecs,inputTokens,outputTokens\n0,1,1\n");

        assertThatThrownBy(() -> Workloads.trace(file).stats())
                .isInstanceOf(WorkloadException.class)
                .hasMessage(file + ":1: 'arrivalSecs,inputTokens,outputTokens' is not a trace header (did you mean "
                        + "'arrivalSeconds' for 'arrivalSecs'?); start the file with arrivalSeconds,inputTokens,"
                        + "outputTokens (or the Azure trace's TIMESTAMP,ContextTokens,GeneratedTokens), or write one "
                        + "JSON object per line");
    }

    @Test
    void aMissingFileIsRefusedAtOnce() {
        Path file = folder.resolve("nowhere.csv");

        assertThatThrownBy(() -> Workloads.trace(file))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("trace file '" + file + "' does not exist; check the path");
    }

    @Test
    void aOneRowTraceReplaysAsABacklogAndHasNoRate() throws IOException {
        TraceWorkload trace = Workloads.trace(write("one.csv", "arrivalSeconds,inputTokens,outputTokens\n5,7,3\n"));

        assertThat(Requests.first(trace, 1, 3)).containsExactly(Requests.of(0, 7, 3), Requests.of(0, 7, 3),
                Requests.of(0, 7, 3));
        assertThat(trace.meanRequestsPerSecond()).isEmpty();
        assertThatThrownBy(() -> trace.atRate(2))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("trace one.csv has all its requests at one instant, so it has no rate to scale to 2.0 "
                        + "requests per second; use a trace with arrivals spread over time, or a Poisson or Gamma "
                        + "workload");
    }

    @Test
    void aTracesLengthsCanBeDrawnWithAnotherArrivalProcess() throws IOException {
        TraceWorkload trace = Workloads.trace(write("trace.csv", CSV));
        WorkloadSpec poisson = Workloads.poisson(3, trace.lengths());

        assertThat(poisson.stats()).isEqualTo(trace.stats());
        assertThat(Requests.first(poisson, 5, 100))
                .allSatisfy(request -> assertThat(request.outputTokens() * 10).isEqualTo(request.inputTokens()));
    }

    @Test
    void theSeedDoesNotChangeATrace() throws IOException {
        TraceWorkload trace = Workloads.trace(write("trace.csv", CSV));

        assertThat(Requests.first(trace, 1, 10)).isEqualTo(Requests.first(trace, 2, 10));
        assertThat(trace.stats().meanInputTokens()).isCloseTo(250, within(0.0));
    }
}
