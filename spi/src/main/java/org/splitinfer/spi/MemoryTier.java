package org.splitinfer.spi;

/**
 * One memory tier of one chip.
 *
 * @param name           lowercase name, e.g. {@code sram}, {@code hbm}, {@code ddr}, {@code gddr}, {@code external}
 * @param capacityBytes  capacity per chip in bytes, {@code > 0}
 * @param bytesPerSecond sustained-peak bandwidth per chip in bytes per second, {@code > 0}
 * @param fullSpeed      whether this tier counts as full-speed memory for fitting a model (SRAM on LPU and wafer,
 *                       HBM on GPU-class and RDU, GDDR on Tenstorrent; never DDR, external or host memory)
 * @param usableFraction fraction of the capacity a deployment may fill (the rest is runtime, code, fragmentation),
 *                       in (0, 1]
 * @since 0.1
 */
public record MemoryTier(String name, double capacityBytes, double bytesPerSecond, boolean fullSpeed,
                         double usableFraction) {
    /** Validates the fields. */
    public MemoryTier {
        Names.requireLowerName("memory tier name", name);
        Names.requirePositiveFinite("tier", name, "capacityBytes", capacityBytes);
        Names.requirePositiveFinite("tier", name, "bytesPerSecond", bytesPerSecond);
        if (!(usableFraction > 0 && usableFraction <= 1)) {
            throw new IllegalArgumentException("tier '" + name + "' usableFraction must be in (0, 1], got " + usableFraction);
        }
    }

    /** @return {@code capacityBytes × usableFraction} */
    public double usableBytes() {
        return capacityBytes * usableFraction;
    }
}
