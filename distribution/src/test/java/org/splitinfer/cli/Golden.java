package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for rendered output under {@code src/test/resources/golden/}. Regenerate them deliberately with
 * {@code -Dsplitinfer.regenerateGolden=true} and review the diff.
 */
final class Golden {
    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("splitinfer.regenerateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s exists; create it with -Dsplitinfer.regenerateGolden=true", file)
                .exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
