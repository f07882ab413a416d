package org.splitinfer.core.model;

/** Validation shared by the model records: each message names the field and the value. */
final class Checks {
    private Checks() {
    }

    static int positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
        return value;
    }

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be non-blank text, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static <T> T nonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
