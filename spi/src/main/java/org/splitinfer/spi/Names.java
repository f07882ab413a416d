package org.splitinfer.spi;

import java.util.regex.Pattern;

/** Validation shared by the SPI's records; not part of the contract. */
final class Names {
    private static final Pattern LOWER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Names() {
    }

    static String requireLowerName(String field, String value) {
        if (value == null || !LOWER_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must match [a-z0-9][a-z0-9._-]*, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be non-blank text, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static double requireNonNegativeFinite(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    static double requirePositiveFinite(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, got " + value);
        }
        return value;
    }

    static int requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
        return value;
    }

    static long requirePositive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
        return value;
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
