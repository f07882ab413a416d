package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables fitted to a width, text wrapped, quantities in human units, numbers plain for CSV. */
class TextTableTest {

    private static String aligned(TextTable table, int columns) {
        StringWriter text = new StringWriter();
        table.printAligned(new PrintWriter(text), columns);
        return text.toString();
    }

    @Test
    void aTableThatFitsIsPrintedWithTwoSpacesBetweenColumns() {
        TextTable table = new TextTable("id", "value").row("a", "1").row("bb", "22");

        assertThat(aligned(table, 80)).isEqualTo("id  value\n--  -----\na   1\nbb  22\n");
    }

    @Test
    void aWideCellWrapsAtSpacesAndTheRowsAreSetApart() {
        TextTable table = new TextTable("id", "note").row("a", "one two three four").row("b", "five six");

        // 20 columns: "id" 2 + gap 2 leaves 16; "one two three four" (18) wraps after "three" (13)
        assertThat(aligned(table, 20)).isEqualTo("""
                id  note
                --  ----------------
                a   one two three
                    four

                b   five six
                """);
    }

    @Test
    void theFirstColumnKeepsItsWidthWhileTheOthersCanGive() {
        TextTable table = new TextTable("id", "sources").row("tt-wormhole-galaxy", "tt-wormhole-specs tt-metal");

        // 30 columns: the id keeps its 18, and its word with the 17 of "tt-wormhole-specs" leaves no room for a gap
        // of two: one space, and the sources get 30 - 18 - 1 = 11, breaking after hyphens
        assertThat(aligned(table, 30)).isEqualTo("""
                id                 sources
                ------------------ -----------
                tt-wormhole-galaxy tt-
                                   wormhole-
                                   specs tt-
                                   metal
                """);
    }

    @Test
    void oneSpaceBetweenColumnsWhenTwoLeaveNoRoomForTheWords() {
        TextTable table = new TextTable("aaaa", "bbbb", "cccc").row("1", "2", "3");

        // the headers' words need 12 and two gaps of two make 16 > 15: gaps of one make 14
        assertThat(aligned(table, 15)).startsWith("aaaa bbbb cccc\n");
    }

    @Test
    void csvQuotesWhatHoldsACommaAQuoteOrALineBreak() {
        StringWriter text = new StringWriter();
        new TextTable("a", "b").row("x,y", "say \"hi\"").row("1\n2", "").printCsv(new PrintWriter(text));

        assertThat(text.toString()).isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"1\n2\",\n");
    }

    @Test
    void wrappingKeepsANumberWithItsUnitAndDoesNotBreakANumberOrAShortEnd() {
        assertThat(Text.wrap("TTFT 29.2 ms", 7)).containsExactly("TTFT", "29.2 ms");
        assertThat(Text.wrap("1,197 FLOP/B llama-3.1-8b", 6)).containsExactly("1,197", "FLOP/B", "llama-", "3.1-8b");
        assertThat(Text.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(Text.wrap("a\nb", 10)).containsExactly("a", "b");
    }

    @Test
    void quantitiesReadInHumanUnits() {
        // 3 significant digits; decimal prefixes
        assertThat(List.of(Units.seconds(0.0292), Units.seconds(5.006e-6), Units.seconds(1.283), Units.seconds(0)))
                .containsExactly("29.2 ms", "5.01 us", "1.28 s", "0 s");
        assertThat(List.of(Units.bytes(1_610_612_736), Units.bytes(512), Units.bytes(131_072), Units.bytes(0)))
                .containsExactly("1.61 GB", "512 B", "131 kB", "0 B");
        assertThat(Units.flopsPerSecond(9.894e14)).isEqualTo("989 TFLOP/s");
        assertThat(Units.bytesPerSecond(3.35e12)).isEqualTo("3.35 TB/s");
        assertThat(List.of(Units.count(70_553_706_496L), Units.count(61))).containsExactly("70.6 B", "61");
        assertThat(List.of(Units.number(1197.4), Units.number(0.0881), Units.number(Double.NaN)))
                .containsExactly("1,197", "0.0881", "-");
    }

    @Test
    void csvNumbersArePlainDecimals() {
        assertThat(List.of(Numbers.plain(70_553_706_496.0), Numbers.plain(0.02921), Numbers.plain(1e-7),
                Numbers.plain(Double.POSITIVE_INFINITY))).containsExactly("70553706496", "0.02921", "0.0000001", "");
    }

    @Test
    void optionsInOneStringSplitAsAShellSplitsThem() {
        assertThat(ShellWords.split(" --hardware h100-sxm:8  --precision 'weights=fp4, kv=fp8' --link \"\" "))
                .containsExactly("--hardware", "h100-sxm:8", "--precision", "weights=fp4, kv=fp8", "--link", "");
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(OneLine.of("a\nb\tc\u001b[0m\u202e")).isEqualTo("a\\nb\\tc\\u001b[0m\\u202e");
        assertThat(OneLine.of("plain")).isEqualTo("plain");
    }
}
