package org.splitinfer.core.workload;

/**
 * The Azure trace's timestamps, {@code 2023-11-16 18:15:46.6805900}, parsed by hand into nanoseconds since
 * 1970-01-01 00:00 of the same (unstated) zone: exact, and with no {@code DateTimeFormatter}, {@code LocalDateTime}
 * or String per row. Only differences between rows are used, so the zone does not matter.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Accepted: {@code YYYY-MM-DD HH:MM:SS} (or {@code T} between date and time) with an optional {@code .} and 1
 *       to 9 fractional digits; the traces have 7 (100 ns resolution). Years 1678 to 2261, the span in which
 *       nanoseconds since 1970 fit a {@code long}; months, days (leap years included), hours, minutes and seconds
 *       checked against their ranges (no leap second).</li>
 *   <li>Days since 1970-01-01 from a civil date: Howard Hinnant's {@code days_from_civil} ("chrono-Compatible
 *       Low-Level Date Algorithms", 2013), which counts in 400-year eras of 146,097 days starting on 1 March so
 *       that the leap day falls at the end of each year.</li>
 * </ul>
 */
final class AzureTimestamps {
    /** What {@link #epochNanos} returns for input it refuses. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private AzureTimestamps() {
    }

    /**
     * @param bytes the row
     * @param from  the timestamp's first byte
     * @param to    just past its last byte
     * @return nanoseconds since 1970-01-01 00:00:00, or {@link #INVALID}
     */
    static long epochNanos(byte[] bytes, int from, int to) {
        if (to - from < 19 || bytes[from + 4] != '-' || bytes[from + 7] != '-'
                || (bytes[from + 10] != ' ' && bytes[from + 10] != 'T') || bytes[from + 13] != ':'
                || bytes[from + 16] != ':') {
            return INVALID;
        }
        int year = digits(bytes, from, 4);
        int month = digits(bytes, from + 5, 2);
        int day = digits(bytes, from + 8, 2);
        int hour = digits(bytes, from + 11, 2);
        int minute = digits(bytes, from + 14, 2);
        int second = digits(bytes, from + 17, 2);
        if (year < 1678 || year > 2261 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        long fraction = 0;
        int i = from + 19;
        if (i < to) {
            if (bytes[i] != '.' || to - i - 1 < 1 || to - i - 1 > 9) {
                return INVALID;
            }
            long scale = NANOS_PER_SECOND;
            for (i++; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return INVALID;
                }
                scale /= 10;
                fraction += digit * scale;
            }
        }
        long seconds = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
        return seconds * NANOS_PER_SECOND + fraction;
    }

    /**
     * @param year  the year
     * @param month 1 to 12
     * @param day   1 to 31
     * @return days from 1970-01-01 to that date, negative before it
     */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** @return the number the {@code count} digits at {@code from} spell, or -1 when one is not a digit */
    private static int digits(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
