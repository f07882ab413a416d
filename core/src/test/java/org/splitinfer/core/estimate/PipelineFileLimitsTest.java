package org.splitinfer.core.estimate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline reader's numbers and files: every case here was accepted, wrapped or crashed before. */
class PipelineFileLimitsTest {
    private static final String SCHEMA = "; the schema is on PipelineFile (and in the README's 'Pipeline files')";

    @Test
    void aChipCountPastAnIntIsRefusedNotWrapped() {
        // 4294967304 = 2^32 + 8: kept to its low 32 bits it ran as 8 chips
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "colocated: {hardware: h100-sxm, chips: 4294967304}\n"))
                .isInstanceOf(EstimateException.class)
                .hasMessage("p.yaml has 1 problem: colocated.chips: must be a whole number from 1 to 1,048,576 or"
                        + " auto, got '4294967304'" + SCHEMA);
    }

    @Test
    void chipsTimesInstancesPastTheLimitAreRefusedNotWrappedToZero() {
        // 65,536 × 65,536 = 2^32, which an int holds as 0: the estimate had 0 chips and infinite tokens per joule
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml",
                "colocated: {hardware: h100-sxm, chips: 65536, instances: 65536}\n"))
                .isInstanceOf(EstimateException.class)
                .hasMessage("p.yaml has 1 problem: colocated: chips × instances = 65536 × 65536 = 4,294,967,296"
                        + " chips for the h100-sxm pool, more than the 1,048,576 SplitInfer models in a pool; use fewer"
                        + " instances or chips" + SCHEMA);
    }

    @Test
    void aSplitDeploymentPastTheLimitInAllIsRefused() {
        // 1,048,576 + 1 chips: each pool within the limit, the two together not
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", """
                prefill: {hardware: h100-sxm, chips: 1024, instances: 1024}
                decode: {hardware: h100-sxm, chips: 1}
                """)).isInstanceOf(EstimateException.class)
                .hasMessage("p.yaml: the deployment has 1,048,577 chips (prefill.chips × prefill.instances +"
                        + " decode.chips × decode.instances), more than the 1,048,576 SplitInfer models in a"
                        + " deployment; use fewer instances or chips");
    }

    @Test
    void aFractionalCountIsRefusedNotTruncated() {
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "colocated: {hardware: h100-sxm, chips: 8.5}\n"))
                .hasMessageContaining("colocated.chips: must be a whole number from 1 to 1,048,576 or auto, got '8.5'");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        // before: the last chips won
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "colocated: {hardware: h100-sxm, chips: 8, chips: 4}\n"))
                .isInstanceOf(EstimateException.class)
                .hasMessage("p.yaml:1:48: key 'chips' appears twice in one mapping; keep one");
    }

    @Test
    void nestingAThousandLevelsDeepIsRefusedCleanly() {
        // before: a NullPointerException reported as an internal failure
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "prefill: " + "[".repeat(1000) + "]".repeat(1000)))
                .isInstanceOf(EstimateException.class)
                .hasMessage("p.yaml: nested deeper than 64 levels of mappings and lists; no SplitInfer file needs more"
                        + " than a few");
    }

    @Test
    void aSyntaxErrorIsOneLine() {
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "prefill: {hardware: h100-sxm\ndecode: x\n"))
                .hasMessage("p.yaml:2:7: expected ',' or '}', but got : (while parsing a flow mapping); fix the YAML"
                        + " syntax");
    }

    @Test
    void aLargeCommentOnlyFileIsRefusedFromItsSize(@TempDir Path folder) throws IOException {
        Path comments = folder.resolve("comments.yaml");
        // 6,000,000 bytes of comment: the parser took 16-25 s over it before refusing an empty document
        Files.writeString(comments, ("# " + "x".repeat(57) + "\n").repeat(100_000));

        assertThatThrownBy(() -> PipelineFile.read(comments)).isInstanceOf(EstimateException.class)
                .hasMessage("pipeline file '" + comments + "' is larger than 1 MiB, the limit for a pipeline file;"
                        + " check that the path names the right file (it holds 6,000,000 bytes)");
    }

    @Test
    void devZeroIsRefusedRatherThanLoadedForever() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists on this system");

        assertThatThrownBy(() -> PipelineFile.read(Path.of("/dev/zero"))).isInstanceOf(EstimateException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aValueWithANewlineIsEchoedOnOneLine() {
        assertThatThrownBy(() -> PipelineFile.parse("p.yaml", "colocated: {hardware: h100-sxm, chips: \"8\\n9\"}\n"))
                .hasMessageContaining("got '8\\n9'");
    }
}
