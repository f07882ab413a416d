package org.splitinfer.core.validate;

/**
 * The {@code chips} of a case: a number of chips (one package with its own memory each), or {@code auto}: the
 * fewest chips whose memory holds the model.
 *
 * @param auto  whether the count is left to the tool
 * @param count the number of chips, {@code >= 1}; 0 when {@code auto}
 * @since 0.1
 */
public record ChipCount(boolean auto, int count) {
    /** The fewest chips whose memory holds the model. */
    public static final ChipCount AUTO = new ChipCount(true, 0);

    /** Validates the fields. */
    public ChipCount {
        if (auto ? count != 0 : count < 1) {
            throw new IllegalArgumentException(auto ? "an auto chip count has no count, got " + count
                    : "chip count must be at least 1, got " + count);
        }
    }

    /**
     * @param count number of chips, {@code >= 1}
     * @return that many chips
     */
    public static ChipCount of(int count) {
        return new ChipCount(false, count);
    }

    /** @return {@code auto} or the count */
    @Override
    public String toString() {
        return auto ? "auto" : Integer.toString(count);
    }
}
