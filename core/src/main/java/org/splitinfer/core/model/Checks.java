package org.splitinfer.core.model;

/**
 * Validation shared by the model records: each message names the field and the value. The largest sizes are far above
 * the catalog's largest (hidden size 16,384, intermediate size 57,344, vocabulary 250,880, 128 query heads, 256
 * experts, 126 layers) and small enough that a model's parameter count, summed in a {@code long}, cannot overflow:
 * 1,024 layers × 8,192 routed and shared experts × 3 × 65,536 × 524,288 is below 2^62.
 */
final class Checks {
    /** The largest hidden size: 65,536. */
    static final int MAX_HIDDEN = 1 << 16;
    /** The most layers: 1,024. */
    static final int MAX_LAYERS = 1 << 10;
    /** The largest vocabulary: 4,194,304 entries. */
    static final int MAX_VOCABULARY = 1 << 22;
    /** The largest MLP or expert intermediate size: 524,288. */
    static final int MAX_INTERMEDIATE = 1 << 19;
    /** The most attention heads (query or KV): 1,024. */
    static final int MAX_HEADS = 1 << 10;
    /** The largest head dimension (and each latent attention head part): 4,096. */
    static final int MAX_HEAD_DIM = 1 << 12;
    /** The largest latent-attention compression rank: 65,536. */
    static final int MAX_RANK = 1 << 16;
    /** The most routed (or shared) experts per layer: 4,096. */
    static final int MAX_EXPERTS = 1 << 12;

    private Checks() {
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
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
