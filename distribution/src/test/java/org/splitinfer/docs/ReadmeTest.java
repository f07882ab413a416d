package org.splitinfer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and the docs it links send a reader only to files of this repository, and those files exist. */
class ReadmeTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final List<String> TOP_LEVEL = List.of("spi/", "core/", "testkit/", "bom/", "distribution/",
            "examples/", "docs/", "plugin-", ".ci/");

    @Test
    void theReadmeSendsNoReaderOutsideTheRepository() throws IOException {
        for (String document : List.of("README.md", "docs/architecture.md")) {
            String text = Files.readString(ROOT.resolve(document));

            assertThat(text).as(document).doesNotContain("../");
            for (String path : repositoryPaths(text)) {
                assertThat(ROOT.resolve(path)).as("%s names %s", document, path).exists();
            }
        }
    }

    /** Markdown link targets and code spans that start with a top-level folder of the repository. */
    private static List<String> repositoryPaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher links = Pattern.compile("\\]\\(([^)#\\s]+)\\)").matcher(text);
        while (links.find()) {
            if (!links.group(1).contains("://")) {
                paths.add(links.group(1));
            }
        }
        Matcher spans = Pattern.compile("`([A-Za-z0-9._/-]+)`").matcher(text);
        while (spans.find()) {
            String span = spans.group(1);
            // build outputs (target/) exist only after a build, so they are not checked here
            if (TOP_LEVEL.stream().anyMatch(span::startsWith) && span.contains("/") && !span.contains("/target/")) {
                paths.add(span.replaceAll("/$", ""));
            }
        }
        return paths;
    }
}
