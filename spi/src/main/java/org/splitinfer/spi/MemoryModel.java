package org.splitinfer.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * A chip's memory: its tiers, and where a model's bytes go on a number of chips.
 *
 * @since 0.1
 */
public interface MemoryModel {

    /**
     * The tiers of one chip, fastest first.
     *
     * @return the tiers, non-empty, names unique
     * @since 0.1
     */
    List<MemoryTier> tiers();

    /**
     * The full-speed placement of a footprint on {@code chips} chips: bytes are spread evenly and kept in
     * full-speed tiers; {@link Placement#fitsFullSpeed()} says whether they fit within the usable fractions.
     * When they do not, the returned usage is capped at each tier's capacity.
     *
     * @param footprint what must be held
     * @param chips     chips to spread it over, {@code >= 1}
     * @return the placement
     * @since 0.1
     */
    Placement place(Footprint footprint, int chips);

    /**
     * The fewest chips whose full-speed tiers hold the footprint; the default searches {@link #place}.
     *
     * @param footprint what must be held
     * @return the fewest chips, or empty if no count up to 2^20 suffices
     * @since 0.1
     */
    default OptionalInt minChips(Footprint footprint) {
        int high = 1;
        while (!place(footprint, high).fitsFullSpeed()) {
            if (high >= (1 << 20)) {
                return OptionalInt.empty();
            }
            high *= 2;
        }
        int low = high / 2 + 1;
        if (high == 1) {
            return OptionalInt.of(1);
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (place(footprint, mid).fitsFullSpeed()) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return OptionalInt.of(high);
    }

    /**
     * The family's alternative placements on {@code chips} chips (DDR spill, weight streaming), each
     * priced by the roofline through its {@link Placement#residency()}.
     *
     * @param footprint what must be held
     * @param chips     chips, {@code >= 1}
     * @return alternatives, possibly empty
     * @since 0.1
     */
    default List<Placement> alternatives(Footprint footprint, int chips) {
        return List.of();
    }

    /**
     * The tier of that name.
     *
     * @param name tier name
     * @return the tier
     * @throws IllegalArgumentException naming the known tiers when there is none of that name
     * @since 0.1
     */
    default MemoryTier tier(String name) {
        for (MemoryTier tier : tiers()) {
            if (tier.name().equals(name)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("no memory tier '" + name + "'; tiers: "
                + tiers().stream().map(MemoryTier::name).toList());
    }
}
