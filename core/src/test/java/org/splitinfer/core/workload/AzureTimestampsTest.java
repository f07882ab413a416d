package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureTimestampsTest {

    private static long parse(String timestamp) {
        byte[] bytes = ("x" + timestamp + "y").getBytes(StandardCharsets.US_ASCII);
        return AzureTimestamps.epochNanos(bytes, 1, bytes.length - 1);
    }

    @Test
    void theChatTracesFirstTwoRowsAreFourPointThreeOneFourFiveSevenNineSecondsApart() {
        // 18:15:50.9951690 − 18:15:46.6805900 = 4 s + (0.9951690 − 0.6805900) s = 4.3145790 s
        long gap = parse("2023-11-16 18:15:50.9951690") - parse("2023-11-16 18:15:46.6805900");

        assertThat(gap).isEqualTo(4_314_579_000L);
    }

    @Test
    void theChatTraceSpansThreeThousandFiveHundredOneSecondsToTheNanosecond() {
        // 19:14:08.4025270 − 18:15:46.6805900 = 58 min 21.7219370 s = 3,501.7219370 s
        long span = parse("2023-11-16 19:14:08.4025270") - parse("2023-11-16 18:15:46.6805900");

        assertThat(span).isEqualTo(3_501_721_937_000L);
    }

    @Test
    void agreesWithTheJdkCalendarToTheNanosecond() {
        LocalDateTime time = LocalDateTime.of(2023, 11, 16, 18, 15, 46, 680_590_000);
        long expected = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();

        assertThat(parse("2023-11-16 18:15:46.6805900")).isEqualTo(expected);
    }

    @Test
    void crossesMonthYearAndLeapDayBoundaries() {
        // 23:59:59.9999999 to 00:00:00.0000001 is 0.0000001 + 0.0000001 s = 200 ns
        assertThat(parse("2024-01-01 00:00:00.0000001") - parse("2023-12-31 23:59:59.9999999")).isEqualTo(200L);
        // 2024 is a leap year: 28 February noon to 1 March noon is 2 days = 172,800 s
        assertThat(parse("2024-03-01 12:00:00") - parse("2024-02-28 12:00:00")).isEqualTo(172_800_000_000_000L);
        // 2023 is not: 1 day = 86,400 s
        assertThat(parse("2023-03-01 12:00:00") - parse("2023-02-28 12:00:00")).isEqualTo(86_400_000_000_000L);
    }

    @Test
    void takesAnyFractionFromOneToNineDigitsAndTheIsoSeparator() {
        assertThat(parse("1970-01-01 00:00:00")).isZero();
        assertThat(parse("1970-01-01 00:00:01.5")).isEqualTo(1_500_000_000L);
        assertThat(parse("1970-01-01T00:00:00.000000001")).isEqualTo(1L);
        assertThat(parse("1969-12-31 23:59:59")).isEqualTo(-1_000_000_000L);
    }

    @Test
    void daysFromCivilMatchesTheJdkOverFourHundredYears() {
        for (int year = 1800; year <= 2200; year += 7) {
            for (int month = 1; month <= 12; month++) {
                assertThat(AzureTimestamps.daysFromCivil(year, month, 28))
                        .isEqualTo(LocalDateTime.of(year, month, 28, 0, 0).toLocalDate().toEpochDay());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-16", "2023-11-16 18:15:46.", "2023-11-16 18:15:46.1234567890",
            "2023-02-29 00:00:00", "2023-13-01 00:00:00", "2023-11-16 24:00:00", "2023-11-16 18:60:00",
            "2023/11/16 18:15:46", "2023-11-16 18:15:4x", "1677-12-31 00:00:00", "2262-01-01 00:00:00",
            "2023-11-16 18:15:46,5"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThat(parse(text)).isEqualTo(AzureTimestamps.INVALID);
    }
}
