package org.splitinfer.core.cost;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.splitinfer.core.testing.Mutations;
import org.splitinfer.core.testing.ReaderOutcomes;

/** Generated calibration files: every mutant of the shipped one is read into sound parameters or refused in one line. */
class ServingCalibrationPropertyTest {
    @Property(tries = 10_000, seed = "14")
    void aMutantIsReadSoundOrRefusedInOneLine(@ForAll("mutants") byte[] file) {
        ReaderOutcomes.requireTypedOrSound(() -> ServingCalibrationFile.parse("calibration.yaml", new String(file,
                StandardCharsets.UTF_8)), CalibrationFileException.class);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Mutations.of(ServingCalibrationFile.render(ServingCalibration.shipped(), "the shipped parameters"),
                Mutations.Syntax.YAML);
    }
}
