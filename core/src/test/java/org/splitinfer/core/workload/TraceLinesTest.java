package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceLinesTest {

    private static List<String> lines(InputStream input) throws IOException {
        List<String> lines = new ArrayList<>();
        try (TraceLines reader = new TraceLines("test", input)) {
            while (reader.next()) {
                lines.add(new String(reader.buffer(), reader.start(), reader.end() - reader.start(),
                        StandardCharsets.UTF_8) + "@" + reader.lineNumber());
            }
        }
        return lines;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtLineFeedsDropsCarriageReturnsAndReadsALastLineWithoutAnEnd() throws IOException {
        assertThat(lines(bytes("a,b\r\n\r\nc\nd"))).containsExactly("a,b@1", "@2", "c@3", "d@4");
    }

    @Test
    void skipsAByteOrderMarkOnlyAtTheStart() throws IOException {
        assertThat(lines(bytes("\uFEFFx\n\uFEFFy"))).containsExactly("x@1", "\uFEFFy@2");
    }

    @Test
    void linesLongerThanTheBufferAndReadsOfOneByteAtATimeAreWhole() throws IOException {
        String longLine = "9".repeat(200_000);
        InputStream trickle = new InputStream() {
            private final InputStream bytes = bytes("first\n" + longLine + "\nlast\n");

            @Override
            public int read() throws IOException {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return bytes.read(buffer, offset, Math.min(length, 1));
            }
        };

        assertThat(lines(trickle)).containsExactly("first@1", longLine + "@2", "last@3");
    }
}
