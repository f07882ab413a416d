package org.splitinfer.spi;

import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceleratorSheetTest {
    private static AcceleratorSheet sheetWith(String... names) {
        List<Figure> figures = Arrays.stream(names).map(n -> new Figure(n, 1, "datasheet", null)).toList();
        return new AcceleratorSheet("acme.yaml", "acme-1", "Acme", "Acme One", Status.ANNOUNCED, figures);
    }

    @Test
    void aRequiredFigureMisspeltInTheSheetIsNamedAsTheLikelySlip() {
        // 'hbm.bytesPerSecnd' is one deletion away from 'hbm.bytesPerSecond'; once the message named only the latter
        AcceleratorSheet sheet = sheetWith("hbm.capacityBytes", "hbm.bytesPerSecnd");

        assertThatThrownBy(() -> sheet.value("hbm.bytesPerSecond")).isInstanceOf(HardwareDataException.class)
                .hasMessage("acme.yaml: accelerator 'acme-1' lacks figure 'hbm.bytesPerSecond' (the sheet has"
                        + " 'hbm.bytesPerSecnd': misspelt?); add it with a source or an assumption");
    }

    @Test
    void swappedLettersAndASlipOfCaseAreOneEditEach() {
        // 'hmb' for 'hbm' is a swap of neighbours (1), 'Power' for 'power' a substitution (1)
        assertThat(sheetWith("hmb.capacityBytes").lacking("hbm.capacityBytes")).contains("'hmb.capacityBytes'");
        assertThat(sheetWith("Power.peakWatts").lacking("power.peakWatts")).contains("'Power.peakWatts'");
        assertThat(Names.editDistance("hbm", "hmb")).isEqualTo(1);
        assertThat(Names.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void aFigureThatIsNotCloseIsNotSuggested() {
        // 'hbm.capacityBytes' is far from 'power.peakWatts': no guess, only the way out
        assertThat(sheetWith("hbm.capacityBytes").lacking("power.peakWatts"))
                .isEqualTo("lacks figure 'power.peakWatts'; add it with a source or an assumption");
        // short names need a closer match: 'sram' is 2 edits from 'swim', over the 1 a 4-letter name allows
        assertThat(sheetWith("swim").lacking("sram")).doesNotContain("misspelt");
    }
}
