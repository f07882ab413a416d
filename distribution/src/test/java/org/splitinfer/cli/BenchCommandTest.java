package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void benchPrintsRequestsAndEventsPerSecondAndTheHeapPeak() {
        // a small run: the figures are this machine's, so the test reads their presence, not their values
        // wide enough that each figure's line is whole
        CliRun run = CliRun.with(Map.of("COLUMNS", "200"), "bench", "--requests", "3000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3,000 chat requests at 100.0/s through 8 + 8 instances of 8 h100-sxm")
                .containsPattern("requests/s +[0-9,]+ simulated requests per wall second")
                .containsPattern("events/s +[0-9,]+ \\([0-9,]+ events\\)")
                .containsPattern("heap peak +[0-9]+ MB")
                .contains("3,000 completed");
    }
}
