package org.splitinfer.core.workload;

import java.nio.charset.StandardCharsets;
import org.splitinfer.core.input.Limits;

/**
 * Token counts and arrival seconds parsed straight from a row's bytes, by hand: no String, no regular expression,
 * no boxing, and seconds exact to the nanosecond (a decimal fraction of a second is not a binary fraction, so a
 * detour through {@code double} would round). Malformed input returns {@link #INVALID}; the reader words the
 * message.
 */
final class TraceNumbers {
    /** What a parser returns for input it refuses. */
    static final int INVALID = -1;

    /** Arrival seconds above this (285 years) would overflow nanoseconds in a {@code long} once replayed. */
    private static final long MAX_WHOLE_SECONDS = 9_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TraceNumbers() {
    }

    /**
     * A token count: decimal digits only, {@code 1 <= n <= Limits.MAX_TOKENS}.
     *
     * @param bytes the row
     * @param from  the first byte of the number
     * @param to    just past its last byte
     * @return the count, or {@link #INVALID}
     */
    static int wholeTokens(byte[] bytes, int from, int to) {
        if (from >= to || to - from > 9) {
            return INVALID;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        return value >= 1 && value <= Limits.MAX_TOKENS ? (int) value : INVALID;
    }

    /**
     * Seconds {@code >= 0} as a JSON number without a sign ({@code 12}, {@code 0.5}, {@code 1.5e3}), converted to
     * nanoseconds: exactly, rounding half up at the tenth fractional digit, when there is no exponent; through
     * {@code double} (to within a nanosecond below about 100 days) when there is one.
     *
     * @param bytes the row
     * @param from  the first byte of the number
     * @param to    just past its last byte
     * @return nanoseconds, or {@link #INVALID}
     */
    static long secondsToNanos(byte[] bytes, int from, int to) {
        int i = from;
        long whole = 0;
        int wholeDigits = 0;
        while (i < to && isDigit(bytes[i])) {
            whole = whole * 10 + (bytes[i] - '0');
            if (++wholeDigits > 10) {
                return INVALID;
            }
            i++;
        }
        if (wholeDigits == 0) {
            return INVALID;
        }
        long fraction = 0;
        if (i < to && bytes[i] == '.') {
            i++;
            int fractionStart = i;
            long scale = NANOS_PER_SECOND;
            boolean roundUp = false;
            while (i < to && isDigit(bytes[i])) {
                int digit = bytes[i] - '0';
                if (scale > 1) {
                    scale /= 10;
                    fraction += digit * scale;
                } else if (i - fractionStart == 9) {
                    roundUp = digit >= 5;
                }
                i++;
            }
            if (i == fractionStart) {
                return INVALID;
            }
            if (roundUp) {
                fraction++;
            }
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            return secondsWithExponent(bytes, from, i, to);
        }
        if (i != to || whole > MAX_WHOLE_SECONDS) {
            return INVALID;
        }
        return whole * NANOS_PER_SECOND + fraction;
    }

    private static long secondsWithExponent(byte[] bytes, int from, int exponentAt, int to) {
        int i = exponentAt + 1;
        if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < to && isDigit(bytes[i])) {
            i++;
        }
        if (i == digitsStart || i != to) {
            return INVALID;
        }
        // the grammar is checked above, so Double.parseDouble sees no NaN, hex or type suffix
        double seconds = Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
        if (!(seconds <= MAX_WHOLE_SECONDS)) {
            return INVALID;
        }
        return Math.round(seconds * NANOS_PER_SECOND);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
