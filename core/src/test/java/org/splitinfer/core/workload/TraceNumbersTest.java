package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceNumbersTest {

    private static long nanos(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return TraceNumbers.secondsToNanos(bytes, 0, bytes.length);
    }

    private static int tokens(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return TraceNumbers.wholeTokens(bytes, 0, bytes.length);
    }

    @Test
    void decimalSecondsAreExactToTheNanosecond() {
        assertThat(nanos("0")).isZero();
        assertThat(nanos("12")).isEqualTo(12_000_000_000L);
        // 0.1 has no exact double; by hand it is 100,000,000 ns exactly
        assertThat(nanos("0.1")).isEqualTo(100_000_000L);
        assertThat(nanos("3501.721937")).isEqualTo(3_501_721_937_000L);
        assertThat(nanos("0.000000001")).isEqualTo(1L);
    }

    @Test
    void aTenthFractionalDigitRoundsHalfUp() {
        assertThat(nanos("0.0000000014")).isEqualTo(1L);
        assertThat(nanos("0.0000000015")).isEqualTo(2L);
        assertThat(nanos("0.9999999995")).isEqualTo(1_000_000_000L);
    }

    @Test
    void anExponentGoesThroughDouble() {
        assertThat(nanos("1.5e3")).isEqualTo(1_500_000_000_000L);
        assertThat(nanos("25E-2")).isEqualTo(250_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", ".5", "1.", "1.5.2", "abc", "1e", "1e+", "NaN", "Infinity", "0x10",
            "1.5d", "9000000001", "99999999999", "1e300", " 1"})
    void refusesWhatIsNotNonNegativeSeconds(String text) {
        assertThat(nanos(text)).isEqualTo(TraceNumbers.INVALID);
    }

    @Test
    void tokensAreWholeNumbersFromOneToTheTokenLimit() {
        assertThat(tokens("1")).isEqualTo(1);
        assertThat(tokens("14050")).isEqualTo(14_050);
        // Limits.MAX_TOKENS = 2^24 = 16,777,216
        assertThat(tokens("16777216")).isEqualTo(16_777_216);
        assertThat(tokens("16777217")).isEqualTo(TraceNumbers.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-3", "1.0", "1e3", "2147483648", "99999999999", "12a", "x"})
    void refusesWhatIsNotAWholeCountOfTokens(String text) {
        assertThat(tokens(text)).isEqualTo(TraceNumbers.INVALID);
    }
}
