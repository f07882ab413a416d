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
    private static final String VALID = """
            family: gpu
            sources:
              - id: datasheet
                document: "Chip datasheet"
                url: https://example.com/chip.pdf
                date: 2024-03
                supports: "peak and memory"
              - id: paper
                document: "A paper"
                date: 2025-01
                supports: "the links"
            accelerators:
              - id: chip-1
                vendor: Example
                displayName: "Chip 1"
                status: ANNOUNCED
                figures:
                  hbm.capacityBytes: {value: 80e9, source: datasheet}
                  hbm.bytesPerSecond: {value: 3.35e12, source: datasheet}
                  hbm.usableFraction: {value: 0.9, assumption: "runtime reserve"}
                  link.latencySeconds: {value: 1e-6, source: paper}
              - id: chip-2
                vendor: Example
                displayName: "Chip 2"
                status: SHIPPING
                figures:
                  hbm.capacityBytes: {value: 141e9, source: datasheet}
            """;

    private final YamlHardwareSheetReader reader = new YamlHardwareSheetReader();

    @Property(tries = 10_000, seed = "14")
    void aMutantIsReadSoundOrRefusedInOneLine(@ForAll("mutants") byte[] file) {
        ReaderOutcomes.requireTypedOrSound(() -> reader.parse("sheet.yaml", new String(file,
                StandardCharsets.UTF_8)), HardwareDataException.class);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Mutations.of(VALID, Mutations.Syntax.YAML);
    }
}
