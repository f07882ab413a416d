package org.splitinfer.spi;

import java.util.regex.Pattern;

/**
 * Validation shared by the SPI's records; not part of the contract.
 *
 * <p>Records such as {@link Kernel} and {@link Collective} are built millions of times per simulated run, so no
 * check assembles its message before it knows the value is wrong: a field of a named owner is passed as its parts
 * ({@code "kernel", name, "count"}) and joined into {@code kernel 'qkv_proj' count} only when the check fails.
 */
final class Names {
    private static final Pattern LOWER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Names() {
    }

    static String requireLowerName(String field, String value) {
        if (value == null || !LOWER_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must match [a-z0-9][a-z0-9._-]*, got " + quoted(value));
        }
        return value;
    }

    static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw notText(field, value);
        }
        return value;
    }

    /** {@link #requireText(String, String)} for {@link #field field(owner, name, field)}. */
    static String requireText(String owner, String name, String field, String value) {
        if (value == null || value.isBlank()) {
            throw notText(field(owner, name, field), value);
        }
        return value;
    }

    static double requireNonNegativeFinite(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw notNonNegativeFinite(field, value);
        }
        return value;
    }

    /** {@link #requireNonNegativeFinite(String, double)} for {@link #field field(owner, name, field)}. */
    static double requireNonNegativeFinite(String owner, String name, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw notNonNegativeFinite(field(owner, name, field), value);
        }
        return value;
    }

    static double requirePositiveFinite(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw notPositiveFinite(field, value);
        }
        return value;
    }

    /** {@link #requirePositiveFinite(String, double)} for {@link #field field(owner, name, field)}. */
    static double requirePositiveFinite(String owner, String name, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw notPositiveFinite(field(owner, name, field), value);
        }
        return value;
    }

    static int requirePositive(String field, int value) {
        if (value < 1) {
            throw notPositive(field, value);
        }
        return value;
    }

    /** {@link #requirePositive(String, int)} for {@link #field field(owner, name, field)}. */
    static int requirePositive(String owner, String name, String field, int value) {
        if (value < 1) {
            throw notPositive(field(owner, name, field), value);
        }
        return value;
    }

    static long requirePositive(String field, long value) {
        if (value < 1) {
            throw notPositive(field, value);
        }
        return value;
    }

    /** {@link #requirePositive(String, long)} for {@link #field field(owner, name, field)}. */
    static long requirePositive(String owner, String name, String field, long value) {
        if (value < 1) {
            throw notPositive(field(owner, name, field), value);
        }
        return value;
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw isNull(field);
        }
        return value;
    }

    /** {@link #requireNonNull(String, Object)} for {@link #field field(owner, name, field)}. */
    static <T> T requireNonNull(String owner, String name, String field, T value) {
        if (value == null) {
            throw isNull(field(owner, name, field));
        }
        return value;
    }

    /**
     * The name of a field of a named owner, as messages print it.
     *
     * @param owner what the owner is, e.g. {@code kernel}
     * @param name  the owner's name, e.g. {@code qkv_proj}; may be null
     * @param field the field, e.g. {@code count}; empty for the owner's value itself
     * @return e.g. {@code kernel 'qkv_proj' count}, or {@code figure 'hbm.capacityBytes'} for an empty field
     */
    static String field(String owner, String name, String field) {
        return field.isEmpty() ? owner + " '" + name + "'" : owner + " '" + name + "' " + field;
    }

    /**
     * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbours, each
     * one edit; a slip of case is one substitution.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static IllegalArgumentException notText(String field, String value) {
        return new IllegalArgumentException(field + " must be non-blank text, got " + quoted(value));
    }

    private static IllegalArgumentException notNonNegativeFinite(String field, double value) {
        return new IllegalArgumentException(field + " must be finite and >= 0, got " + value);
    }

    private static IllegalArgumentException notPositiveFinite(String field, double value) {
        return new IllegalArgumentException(field + " must be finite and > 0, got " + value);
    }

    private static IllegalArgumentException notPositive(String field, long value) {
        return new IllegalArgumentException(field + " must be >= 1, got " + value);
    }

    private static IllegalArgumentException isNull(String field) {
        return new IllegalArgumentException(field + " must not be null");
    }
}
