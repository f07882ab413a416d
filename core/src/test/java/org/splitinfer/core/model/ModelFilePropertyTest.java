package org.splitinfer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;
import org.splitinfer.spi.Precision;

/**
 * Generated model files (the catalog's YAML) and Hugging Face configs: every mutant of a valid one is read into a
 * model whose counts and sizes are sound, or refused in one line.
 */
class ModelFilePropertyTest {
    @Test
    void aMutantModelFileIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, modelFiles(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> figures(ModelFileReader.read("m.yaml", new ByteArrayInputStream(file))), ModelException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    @Test
    void aMutantConfigIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, configs(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> figures(HuggingFaceConfigImporter.importConfig("c/config.json", "c",
                        new ByteArrayInputStream(file))),
                ModelException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    private static Generator<byte[]> modelFiles() {
        // a mixture of experts with latent attention, and a dense model with sliding windows: most keys of the schema
        return Generator.oneOf(Mutations.of(resource("/org/splitinfer/core/models/deepseek-v3.yaml"),
                Mutations.Syntax.YAML), Mutations.of(resource("/org/splitinfer/core/models/gpt-oss-120b.yaml"),
                Mutations.Syntax.YAML));
    }

    private static Generator<byte[]> configs() {
        return Generator.oneOf(Mutations.of(resource("hf/DeepSeek-V3/config.json"), Mutations.Syntax.JSON),
                Mutations.of(resource("hf/gpt-oss-120b/config.json"), Mutations.Syntax.JSON),
                Mutations.of(resource("hf/Mixtral-8x7B-v0.1/config.json"), Mutations.Syntax.JSON));
    }

    /** What a model's figures come to, for the outcome check: counts, bytes, all of them finite and at least 0. */
    private static ModelFigures figures(ModelSpec model) {
        return new ModelFigures(model, model.totalParameters(), model.activeParameters(), model.nativeWeightBytes(),
                model.kvBytesPerToken(Precision.FP8), model.kvBytes(model.contextWindowTokens(), Precision.BF16));
    }

    record ModelFigures(ModelSpec model, long parameters, long activeParameters, double weightBytes,
                        double kvBytesPerToken, double kvBytesAtTheWindow) {
    }

    private static String resource(String name) {
        try (InputStream in = ModelFilePropertyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
