package org.splitinfer.core.hardware.internal;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReaderOutcomes;
import org.splitinfer.spi.HardwareDataException;

/** Generated hardware sheets: every mutant of a valid one is read into a sound sheet or refused in one line. */
class HardwareSheetPropertyTest {
    private final YamlHardwareSheetReader reader = new YamlHardwareSheetReader();

    @Property(tries = 10_000, seed = "14")
    void aMutantIsReadSoundOrRefusedInOneLine(@ForAll("mutants") byte[] file) {
        ReaderOutcomes.requireTypedOrSound(() -> reader.parse("sheet.yaml", new String(file,
                StandardCharsets.UTF_8)), HardwareDataException.class);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Mutations.of(YamlHardwareSheetReaderTest.VALID, Mutations.Syntax.YAML);
    }
}
