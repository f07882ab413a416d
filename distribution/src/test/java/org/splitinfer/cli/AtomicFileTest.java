package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.error.SplitInferException;

/**
 * A write that fails half-way (a full disk, a killed process) leaves the previous file whole. Before,
 * {@code roofline --out} and {@code calibrate --write} wrote in place: the target was truncated first.
 */
class AtomicFileTest {
    @Test
    void aWriteThatFailsHalfWayLeavesThePreviousFileWholeAndNoTemporaryBehind(@TempDir Path folder)
            throws IOException {
        Path target = Files.writeString(folder.resolve("calibration.yaml"), "good: 1\n");

        assertThatThrownBy(() -> AtomicFile.write(target, "--write", temporary -> {
            Files.writeString(temporary, "go");
            throw new IOException("No space left on device");
        })).isInstanceOf(SplitInferException.class).hasMessage("cannot write '" + target + "' (No space left on"
                + " device); give --write a path in a writable directory");

        assertThat(target).hasContent("good: 1");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aWriteThatSucceedsReplacesTheFileWhole(@TempDir Path folder) throws IOException {
        Path target = Files.writeString(folder.resolve("roofline.svg"), "old");

        AtomicFile.write(target, "<svg/>", "--out");

        assertThat(target).hasContent("<svg/>");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}
