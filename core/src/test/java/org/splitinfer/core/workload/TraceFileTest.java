package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace is a regular file within the trace limit; anything else is refused before it is read. */
class TraceFileTest {
    @Test
    void aNamedPipeIsRefusedNotBlockedOn(@TempDir Path folder) throws Exception {
        Path pipe = folder.resolve("trace.csv");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is available");

        // before: opening a pipe with no writer blocked the command forever
        assertThatThrownBy(() -> Workloads.trace(pipe).stats()).isInstanceOf(WorkloadException.class)
                .hasMessage("trace file '" + pipe + "' is not a regular file (it is a device, a pipe or a socket);"
                        + " give the path of a file");
    }

    @Test
    void aTraceOverTheLimitIsRefusedFromItsSize(@TempDir Path folder) throws IOException {
        Path huge = folder.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((1L << 30) + 1); // sparse: one byte past 1 GiB, nothing written
        }

        assertThatThrownBy(() -> Workloads.trace(huge).stats()).isInstanceOf(WorkloadException.class)
                .hasMessage("trace file '" + huge + "' is larger than 1 GiB, the limit for a trace file; check that"
                        + " the path names the right file (it holds 1,073,741,825 bytes)");
    }

    @Test
    void aDirectoryIsNamedAsOne(@TempDir Path folder) {
        assertThatThrownBy(() -> Workloads.trace(folder).stats()).isInstanceOf(WorkloadException.class)
                .hasMessage("trace file '" + folder + "' is a directory; give the path of a file");
    }

    @Test
    void aReplayPastALongsNanosecondsIsRefusedNotWrappedBackInTime(@TempDir Path folder) throws IOException {
        // arrivals 0 and 8,999,999,999 s: the replay shift is the span plus the mean gap, 2 × 9e18 ns, past
        // Long.MAX_VALUE (9.22e18); before, it wrapped negative and the second pass arrived before the first
        Path trace = Files.writeString(folder.resolve("long.csv"), "arrivalSeconds,inputTokens,outputTokens\n"
                + "0,10,1\n8999999999,10,1\n");

        assertThatThrownBy(() -> {
            try (RequestStream requests = Workloads.trace(trace).open(1)) {
                for (int i = 0; i < 4; i++) {
                    requests.advance();
                }
            }
        }).isInstanceOf(WorkloadException.class).hasMessage("replaying the trace passes 292 years of simulated time,"
                + " the most a run can reach; ask for fewer requests, or give a trace whose arrivals span less time");
    }
}
