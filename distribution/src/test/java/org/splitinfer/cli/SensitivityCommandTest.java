package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCommandTest {
    @TempDir
    Path temp;

    @Test
    void ranksTheFiguresOfTheH100AndGroqPipelineOnDollarsPerMtokInJsonAndHtml() throws Exception {
        Path html = temp.resolve("sensitivity.html");
        CliRun run = CliRun.of("sensitivity", "--model", "llama-3.1-70b", "--prefill", "h100-sxm:8", "--decode",
                "groq-lpu-v1:auto", "--metric", "usdPerMillionTokens", "--format", "json", "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("metric").asText()).isEqualTo("usdPerMillionTokens");
        assertThat(json.get("step").asDouble()).isEqualTo(0.1);
        JsonNode rows = json.get("elasticities");
        // ranked by |elasticity|, every chip figure of both sheets, the link's 2 and the 3 cost assumptions
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : rows) {
            if (!row.get("elasticity").isNull()) {
                double magnitude = Math.abs(row.get("elasticity").asDouble());
                assertThat(magnitude).isLessThanOrEqualTo(previous);
                previous = magnitude;
            }
        }
        assertThat(rows.findValuesAsText("subject")).contains("h100-sxm", "groq-lpu-v1", "infiniband-ndr-400g",
                "cost");
        // the chips' purchase price and the amortisation lifetime carry most of $/Mtok: both in the top five
        assertThat(rows.findValuesAsText("parameter").subList(0, 5)).contains("lifetimeYears", "price.purchaseUsd");
        assertThat(Files.readString(html)).contains("<svg", "Tornado", "lifetimeYears");
    }

    @Test
    void anUnknownMetricIsOneSentenceAndExitTwo() {
        CliRun run = CliRun.of("sensitivity", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--metric",
                "dollars");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("error: unknown metric 'dollars'"));
    }

    @Test
    void theTableRanksAndTheHelpListsTheCommand() {
        CliRun run = CliRun.of("sensitivity", "--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--metric",
                "tpot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tpotSeconds", "elasticity", "hbm.bytesPerSecond");
        assertThat(CliRun.of("help").out()).contains("sensitivity");
    }
}
