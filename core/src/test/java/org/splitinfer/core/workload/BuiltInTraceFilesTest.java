package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped traces are the published files, byte for byte, as their README (and its licence terms) promise. */
class BuiltInTraceFilesTest {
    private static final String FOLDER = "/org/splitinfer/core/workload/azure-llm-trace-2023/";

    @ParameterizedTest
    @ValueSource(strings = {"AzureLLMInferenceTrace_conv.csv", "AzureLLMInferenceTrace_code.csv",
            "LICENSE-CC-BY-4.0.txt"})
    void eachFileHasTheChecksumItsReadmeGives(String file) throws IOException, NoSuchAlgorithmException {
        String readme;
        try (InputStream input = getClass().getResourceAsStream(FOLDER + "README.md")) {
            readme = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream input = new DigestInputStream(getClass().getResourceAsStream(FOLDER + file), sha256)) {
            input.transferTo(OutputStreamNowhere.INSTANCE);
        }

        assertThat(readme).contains("`" + file + "`: `" + HexFormat.of().formatHex(sha256.digest()) + "`");
    }

    /** Discards what is written. */
    private static final class OutputStreamNowhere extends java.io.OutputStream {
        static final OutputStreamNowhere INSTANCE = new OutputStreamNowhere();

        @Override
        public void write(int b) {
            // discarded: only the digest is wanted
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // discarded: only the digest is wanted
        }
    }
}
