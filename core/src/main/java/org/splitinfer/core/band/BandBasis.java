package org.splitinfer.core.band;

/**
 * Which validation cases a {@link Band} rests on: the nearest that are enough ({@link BandMethod#MIN_CASES}), or, for
 * a chip no one has measured, assumptions.
 *
 * @since 0.1
 */
public enum BandBasis {
    /** Cases of the chip's family measured with the same serving stack. */
    SAME_FAMILY_AND_STACK,
    /** Cases of the chip's family, any stack. */
    SAME_FAMILY,
    /** Every case: the family has too few. */
    ALL_CASES,
    /**
     * The chip is announced or projected: its figures are the vendor's or the project's assumptions, not
     * measurements, and the band covers only the model's error on measured chips, not the error of those figures.
     */
    ASSUMPTIONS_ONLY;

    /** @return how reports word it, e.g. {@code same family and stack} */
    public String words() {
        return switch (this) {
            case SAME_FAMILY_AND_STACK -> "same family and stack";
            case SAME_FAMILY -> "same family";
            case ALL_CASES -> "all cases";
            case ASSUMPTIONS_ONLY -> "rests on assumptions, not measurements";
        };
    }
}
