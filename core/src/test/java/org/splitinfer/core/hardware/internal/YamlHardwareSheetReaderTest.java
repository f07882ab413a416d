package org.splitinfer.core.hardware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.HardwareDataException;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Status;

class YamlHardwareSheetReaderTest {
    private final YamlHardwareSheetReader reader = new YamlHardwareSheetReader();

    private HardwareSheet parse(String yaml) throws Exception {
        return reader.parse("test.yaml", new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    /** A valid sheet; the generated tests mutate it too. */
    static final String VALID = """
            family: gpu
            sources:
              - id: datasheet
                document: "Chip datasheet"
                url: https://example.com/chip.pdf
                date: 2024-03
                supports: "peak and memory"
            accelerators:
              - id: chip-1
                vendor: Example
                displayName: "Chip 1"
                status: ANNOUNCED
                figures:
                  hbm.capacityBytes: {value: 80e9, source: datasheet}
                  hbm.usableFraction: {value: 0.9, assumption: "runtime reserve"}
            """;

    @Test
    void aValidSheetBecomesSpiRecords() throws Exception {
        HardwareSheet sheet = parse(VALID);

        assertThat(sheet.family()).isEqualTo(Family.GPU);
        assertThat(sheet.accelerators()).hasSize(1);
        assertThat(sheet.accelerator("chip-1").value("hbm.capacityBytes")).isEqualTo(80e9);
        AcceleratorSpec spec = sheet.spec(sheet.accelerator("chip-1"));
        assertThat(spec.status()).isEqualTo(Status.ANNOUNCED);
        assertThat(spec.sources()).singleElement().satisfies(s -> assertThat(s.date()).isEqualTo("2024-03"));
        assertThat(spec.assumptions()).singleElement()
                .satisfies(f -> assertThat(f.name()).isEqualTo("hbm.usableFraction"));
    }

    @Test
    void everyProblemIsReportedTogetherWithItsKeyPath() {
        String bad = VALID.replace("status: ANNOUNCED", "status: RUMOURED")
                .replace("source: datasheet}", "source: brochure}")
                .replace("displayName:", "dispayName:");

        assertThatThrownBy(() -> parse(bad))
                .isInstanceOf(HardwareDataException.class)
                .hasMessageStartingWith("test.yaml has 3 problems: ")
                .hasMessageContaining("accelerators[0].dispayName: unknown key; did you mean 'displayName'?")
                .hasMessageContaining("accelerators[0] (chip-1).status: 'RUMOURED' is not one of SHIPPING, ANNOUNCED,"
                        + " PROJECTED")
                .hasMessageContaining("accelerators[0] (chip-1).figures.hbm.capacityBytes.source: 'brochure' is not a"
                        + " source id of this sheet; known: [datasheet]")
                .hasMessageEndingWith("; see docs/hardware-sheets.md for the schema");
    }

    @Test
    void aMisspeltKeyIsReportedOnceNotAlsoAsTheRequiredKeyItStoodFor() {
        String bad = VALID.replace("displayName:", "dispayName:").replace("{value: 80e9, source: datasheet}",
                "{value: 80e9, sourc: datasheet}");

        assertThatThrownBy(() -> parse(bad))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test.yaml has 2 problems: accelerators[0].dispayName: unknown key; did you mean"
                        + " 'displayName'?; accelerators[0] (chip-1).figures.hbm.capacityBytes.sourc: unknown key;"
                        + " did you mean 'source'?; see docs/hardware-sheets.md for the schema");
    }

    @Test
    void aMalformedSourceIsReportedOnceNotAgainByEachFigureCitingIt() {
        String bad = VALID.replace("date: 2024-03", "dated: 2024-03")
                .replace("{value: 0.9, assumption: \"runtime reserve\"}", "{value: 0.9, source: datasheet}");

        assertThatThrownBy(() -> parse(bad))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("test.yaml has 1 problem: sources[0].dated: unknown key; did you mean 'date'?; see"
                        + " docs/hardware-sheets.md for the schema");
    }

    @Test
    void aFigureNeedsExactlyOneOfSourceOrAssumption() {
        String both = VALID.replace("{value: 80e9, source: datasheet}",
                "{value: 80e9, source: datasheet, assumption: \"guess\"}");

        assertThatThrownBy(() -> parse(both))
                .hasMessageContaining("figures.hbm.capacityBytes: needs exactly one of 'source' (a source id) or"
                        + " 'assumption' (a rationale)");
    }

    @Test
    void aNegativeFigureIsRefused() {
        assertThatThrownBy(() -> parse(VALID.replace("80e9", "-1")))
                .hasMessageContaining("figure 'hbm.capacityBytes' must be finite and >= 0, got -1.0");
    }

    @Test
    void aMissingResourceNamesThePath() {
        assertThatThrownBy(() -> reader.read("no/such/sheet.yaml", getClass().getClassLoader()))
                .isInstanceOf(HardwareDataException.class)
                .hasMessage("hardware sheet 'no/such/sheet.yaml' is not in the plugin's jar; check the resource path"
                        + " the provider passes to ProviderContext.sheet");
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> parse(VALID + "chips: 3\n"))
                .hasMessageContaining("chips: unknown key");
    }
}
