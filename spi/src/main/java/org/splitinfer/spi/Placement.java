package org.splitinfer.spi;

import java.util.List;

/**
 * Where a {@link Footprint} lives when spread over a number of chips.
 *
 * @param name                    short name of the strategy, e.g. {@code full-speed}, {@code ddr-spill}, {@code weight-streaming}
 * @param chips                   chips the footprint is spread over, {@code >= 1}
 * @param perChip                 bytes per tier on each chip (chips are alike); never above a tier's capacity
 * @param fitsFullSpeed           whether everything sits in full-speed tiers within their usable fraction
 * @param kvTokensCapacityPerChip KV tokens one chip can still hold after weights and activations, {@code >= 0}
 * @param residency               where each operand class is read from under this placement
 * @param note                    what this placement means and costs, in one sentence
 * @since 0.1
 */
public record Placement(String name, int chips, List<TierUsage> perChip, boolean fitsFullSpeed,
                        long kvTokensCapacityPerChip, Residency residency, String note) {
    /** Validates the fields. */
    public Placement {
        Names.requireLowerName("placement name", name);
        Names.requirePositive("placement chips", chips);
        perChip = List.copyOf(Names.requireNonNull("placement perChip", perChip));
        if (kvTokensCapacityPerChip < 0) {
            throw new IllegalArgumentException("placement kvTokensCapacityPerChip must be >= 0, got "
                    + kvTokensCapacityPerChip);
        }
        Names.requireNonNull("placement residency", residency);
        Names.requireText("placement note", note);
    }

    /** @return KV tokens all chips can hold together */
    public long kvTokensCapacityTotal() {
        return kvTokensCapacityPerChip * chips;
    }
}
