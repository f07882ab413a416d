package org.splitinfer.spi;

import java.util.OptionalDouble;

/**
 * What one chip costs: a purchase price, an hourly rental price, or both. The figures themselves, with their
 * sources, are in the chip's {@link AcceleratorSpec#figures()}.
 *
 * @param purchaseUsd    purchase price of one chip's share of its system in US dollars, or empty
 * @param usdPerChipHour rental price of one chip per hour, or empty
 * @since 0.1
 */
public record Price(OptionalDouble purchaseUsd, OptionalDouble usdPerChipHour) {
    /** Validates that at least one is given and both are positive. */
    public Price {
        Names.requireNonNull("purchaseUsd", purchaseUsd);
        Names.requireNonNull("usdPerChipHour", usdPerChipHour);
        if (purchaseUsd.isEmpty() && usdPerChipHour.isEmpty()) {
            throw new IllegalArgumentException("a price needs a purchase price, an hourly price or both");
        }
        purchaseUsd.ifPresent(v -> Names.requirePositiveFinite("purchaseUsd", v));
        usdPerChipHour.ifPresent(v -> Names.requirePositiveFinite("usdPerChipHour", v));
    }
}
