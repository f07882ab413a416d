package org.splitinfer.core.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.splitinfer.core.testing.Generated;
import org.splitinfer.core.testing.Generator;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReadTally;
import org.splitinfer.core.testing.ReaderOutcomes;
import org.splitinfer.spi.HardwareDataException;

/** Generated hardware sheets: every mutant of a valid one is read into a sound sheet or refused in one line. */
class HardwareSheetPropertyTest {
    private final YamlHardwareSheetReader reader = new YamlHardwareSheetReader();

    @Test
    void aMutantIsReadSoundOrRefusedInOneLine() {
        ReadTally tally = new ReadTally();
        Generated.check(10_000, 14, mutants(), file -> tally.count(ReaderOutcomes.requireTypedOrSound(
                () -> reader.parse("sheet.yaml", new String(file, StandardCharsets.UTF_8)),
                HardwareDataException.class)));
        assertThat(tally.refused()).as("of %d mutants, those refused", tally.total()).isBetween(1, 9_999);
    }

    private static Generator<byte[]> mutants() {
        return Mutations.of(YamlHardwareSheetReaderTest.VALID, Mutations.Syntax.YAML);
    }
}
