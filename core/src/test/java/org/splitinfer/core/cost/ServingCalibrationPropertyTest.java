package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;

/** Generated calibration files: every mutant of the shipped one is read into sound parameters or refused in one line. */
class ServingCalibrationPropertyTest {
    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, mutants(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> ServingCalibrationFile.parse("calibration.yaml", new String(file, StandardCharsets.UTF_8)),
                CalibrationFileException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    private static Generator<byte[]> mutants() {
        return Mutations.of(ServingCalibrationFile.render(ServingCalibration.shipped(), "the shipped parameters"),
                Mutations.Syntax.YAML);
    }
}
