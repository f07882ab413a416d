package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final String[] GPU_LPU = {"simulate", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8",
            "--decode", "groq-lpu-v1:auto", "--workload", "chat", "--requests", "20000", "--seed", "7", "--format",
            "json"};

    @Test
    void theJsonHasEveryKeyAndTheSameSeedPrintsItByteForByte() throws Exception {
        CliRun first = CliRun.of(GPU_LPU);
        CliRun second = CliRun.of(GPU_LPU);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        JsonNode json = new ObjectMapper().readTree(first.out());
        for (String key : List.of("requests", "completed", "rejected", "inFlight", "sloAttainment",
                "goodputRequestsPerSecond", "outputTokensPerSecond", "tokensPerJoule", "usdPerMillionTokens",
                "utilization", "bottleneck")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        for (String latency : List.of("ttftSeconds", "tpotSeconds", "e2eSeconds", "queueSeconds")) {
            for (String percentile : List.of("p50", "p90", "p99")) {
                assertThat(json.get(latency).get(percentile).asDouble()).as(latency + "." + percentile)
                        .isFinite().isGreaterThanOrEqualTo(0);
            }
        }
        // every request is accounted for
        assertThat(json.get("requests").asLong()).isEqualTo(20_000);
        assertThat(json.get("completed").asLong() + json.get("rejected").asLong() + json.get("inFlight").asLong())
                .isEqualTo(20_000);
        assertThat(json.get("utilization").has("prefill")).isTrue();
        assertThat(json.get("utilization").has("decode")).isTrue();
        assertThat(json.get("utilization").has("kvLink")).isTrue();
    }

    @Test
    void aDifferentSeedDrawsADifferentRun() {
        CliRun one = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload",
                "batch", "--requests", "200", "--seed", "1", "--format", "json");
        CliRun two = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload",
                "batch", "--requests", "200", "--seed", "2", "--format", "json");

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).isNotEqualTo(two.out());
    }

    @Test
    void theTimeSeriesIsWrittenAsCsv(@TempDir Path temp) throws Exception {
        Path csv = temp.resolve("series.csv");
        CliRun run = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload",
                "chat", "--duration", "60", "--timeseries", csv.toString(), "--sample-interval", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("time_seconds,queued_prompts,waiting_for_kv_cache,running_sequences,"
                + "in_system,kv_occupancy,prefill_busy,decode_busy,completed");
        // samples at 10, 20, ... 60 s
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines.get(1)).startsWith("10.000000,");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path temp) throws Exception {
        Path trace = temp.resolve("trace.csv");
        Files.writeString(trace, "arrivalSeconds,inputTokens,outputTokens\n0.0,100,20\n0.5,100,x\n");
        List<CliRun> runs = List.of(
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload", "chatt"),
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload", "batch",
                        "--duration", "10"),
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--slo", "ttft=fast"),
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "0"),
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--rate", "-1"),
                CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload",
                        trace.toString()));
        for (CliRun run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("error: ");
        }
        assertThat(runs.get(0).err()).contains("did you mean 'chat'");
        assertThat(runs.get(1).err()).contains("offline backlog", "--requests");
        assertThat(runs.get(5).err()).contains("trace.csv:3:");
    }

    @Test
    void aBadRowIsSkippedWhenAskedAndTheRestIsSimulated(@TempDir Path temp) throws Exception {
        Path trace = temp.resolve("trace.csv");
        Files.writeString(trace, "arrivalSeconds,inputTokens,outputTokens\n0.0,100,20\n0.5,100,x\n1.0,200,10\n");

        CliRun run = CliRun.of("simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--workload",
                trace.toString(), "--skip-bad-rows", "--requests", "4", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"completed\" : 4");
    }
}
