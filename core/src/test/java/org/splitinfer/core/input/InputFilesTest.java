package org.splitinfer.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitinfer.core.error.SplitInferException;

class InputFilesTest {
    private static final long LIMIT = Limits.MAX_CONFIG_FILE_BYTES;

    private static String read(Path file) {
        return InputFiles.read(file, "pipeline file", LIMIT, SplitInferException::new);
    }

    @Test
    void aTextFileIsReadWholeWithoutItsByteOrderMark(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("p.yaml");
        Files.write(file, ("\uFEFFcolocated: {hardware: h100-sxm}\n").getBytes(StandardCharsets.UTF_8));

        assertThat(read(file)).isEqualTo("colocated: {hardware: h100-sxm}\n");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path folder) {
        Path missing = folder.resolve("none.yaml");

        assertThatThrownBy(() -> read(missing)).isInstanceOf(SplitInferException.class)
                .hasMessage("pipeline file '" + missing + "' does not exist; check the path");
    }

    @Test
    void aDirectoryIsRefusedInWordsNotAsAnIoException(@TempDir Path folder) {
        assertThatThrownBy(() -> read(folder)).isInstanceOf(SplitInferException.class)
                .hasMessage("pipeline file '" + folder + "' is a directory; give the path of a file");
    }

    @Test
    void aDeviceIsRefusedBeforeItIsRead() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero exists on this system");

        // before: Files.readString loaded /dev/zero until the heap ran out
        assertThatThrownBy(() -> read(zero)).isInstanceOf(SplitInferException.class)
                .hasMessage("pipeline file '/dev/zero' is not a regular file (it is a device, a pipe or a socket);"
                        + " give the path of a file");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlockingOnIt(@TempDir Path folder) throws Exception {
        Path pipe = folder.resolve("pipe.yaml");
        assumeTrue(makeFifo(pipe), "mkfifo is available");

        // before: opening a pipe with no writer blocked forever
        assertThatThrownBy(() -> read(pipe)).isInstanceOf(SplitInferException.class)
                .hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> InputFiles.open(pipe, "trace file", Limits.MAX_TRACE_FILE_BYTES,
                SplitInferException::new)).hasMessageContaining("is not a regular file");
    }

    @Test
    void aFilePastTheLimitIsRefusedFromItsSizeNamingTheLimit(@TempDir Path folder) throws IOException {
        Path big = folder.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(6_000_000); // sparse: nothing is written, nothing is read
        }

        assertThatThrownBy(() -> read(big)).isInstanceOf(SplitInferException.class)
                .hasMessage("pipeline file '" + big + "' is larger than 1 MiB, the limit for a pipeline file; check"
                        + " that the path names the right file (it holds 6,000,000 bytes)");
    }

    @Test
    void aFileThatGrowsWhileItIsStreamedStopsAtTheLimit(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trace.csv");
        Files.write(file, new byte[50]);

        try (InputStream in = InputFiles.open(file, "trace file", 64, SplitInferException::new)) {
            Files.write(file, new byte[50], StandardOpenOption.APPEND);
            // 64 bytes are within the limit; the 65th is not
            assertThat(in.readNBytes(64)).hasSize(64);
            assertThatThrownBy(in::read).isInstanceOf(SplitInferException.class)
                    .hasMessageContaining("is larger than 64 bytes, the limit for a trace file");
        }
    }

    @Test
    void aStreamPastTheLimitIsRefusedNamingTheLimit() {
        InputStream hundredBytes = new ByteArrayInputStream(new byte[100]);

        assertThatThrownBy(() -> InputFiles.read(hundredBytes, "hardware sheet 'x.yaml'", "hardware sheet", 64,
                SplitInferException::new)).hasMessage("hardware sheet 'x.yaml' is larger than 64 bytes, the limit"
                + " for a hardware sheet; check that the path names the right file");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByPosition(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        // before: Jackson's java.io.CharConversionException reached the message
        assertThatThrownBy(() -> read(file)).isInstanceOf(SplitInferException.class)
                .hasMessage("pipeline file '" + file + "' is not UTF-8 text (byte 4 is not valid UTF-8); save it as"
                        + " UTF-8");
    }

    @Test
    void aPathWithANewlineIsEchoedOnOneLine(@TempDir Path folder) {
        Path odd = folder.resolve("a\nb.yaml");

        assertThatThrownBy(() -> read(odd)).hasMessage("pipeline file '" + folder + "/a\\nb.yaml' does not exist;"
                + " check the path");
    }

    private static boolean makeFifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
