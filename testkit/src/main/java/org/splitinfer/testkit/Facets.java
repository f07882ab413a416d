package org.splitinfer.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.Residency;

/**
 * What the facets' checks share: sample footprints, where operands may live, the roofline's memory bound. A check of
 * one facet that needs another (the roofline needs the memory tiers) reads it through here, and a broken facet it
 * needs aborts the check instead of failing it: the broken facet's own checks report the fault, once.
 */
final class Facets {
    private Facets() {
    }

    /** Footprints from a model far smaller than any chip to one that needs hundreds. */
    static List<Footprint> sampleFootprints() {
        return List.of(
                new Footprint(16e9, 131_072, 4096, 1e9),       // an 8B model in BF16
                new Footprint(70e9, 327_680, 32 * 4096, 4e9),   // a 70B model in FP8, 32 sequences of 4k
                new Footprint(1.34e12, 70_272, 4096, 8e9),      // a 671B MoE in BF16
                new Footprint(0.2e9, 4096, 1024, 0));           // a model far smaller than any chip
    }

    /**
     * The chip's memory tiers, for a check of another facet.
     *
     * @param accelerator the chip
     * @return its tiers, with at least one full-speed tier
     */
    static List<MemoryTier> tiers(Accelerator accelerator) {
        List<MemoryTier> tiers;
        try {
            tiers = accelerator.memory().tiers();
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort(accelerator.id() + "'s memory tiers cannot be read; see the memory checks");
            throw new IllegalStateException(e);
        }
        Assumptions.assumeTrue(tiers != null && tiers.stream().anyMatch(MemoryTier::fullSpeed),
                accelerator.id() + " has no full-speed memory tier; see the memory checks");
        return tiers;
    }

    /** @return the full-speed tier with the most bandwidth */
    static MemoryTier fastestFullSpeedTier(Accelerator accelerator) {
        MemoryTier best = null;
        for (MemoryTier tier : tiers(accelerator)) {
            if (tier.fullSpeed() && (best == null || tier.bytesPerSecond() > best.bytesPerSecond())) {
                best = tier;
            }
        }
        return best;
    }

    /** @return every tier holding everything, and every tier holding the weights with the rest at full speed */
    static List<Residency> residencies(Accelerator accelerator) {
        List<Residency> residencies = new ArrayList<>();
        String fastest = fastestFullSpeedTier(accelerator).name();
        for (MemoryTier tier : tiers(accelerator)) {
            residencies.add(Residency.allIn(tier.name()));
            residencies.add(new Residency(tier.name(), fastest, fastest));
        }
        return residencies;
    }

    /** The memory lower bound: tiers may be read in parallel, classes sharing a tier share its bandwidth. */
    static double memorySeconds(OperandBytes bytes, Residency residency, MemoryModel memory) {
        double slowest = 0;
        for (MemoryTier tier : memory.tiers()) {
            double inTier = 0;
            for (OperandClass operand : OperandClass.values()) {
                if (residency.tierOf(operand).equals(tier.name())) {
                    inTier += bytes.of(operand);
                }
            }
            slowest = Math.max(slowest, inTier / tier.bytesPerSecond());
        }
        return slowest;
    }

    /**
     * Whether every full-speed tier's bandwidth per byte lies in the range of real chips; a check that divides by
     * the bandwidth (the ridge point) skips a chip whose memory check already reports it.
     */
    static boolean plausibleFullSpeedBandwidth(Accelerator accelerator) {
        for (MemoryTier tier : tiers(accelerator)) {
            if (tier.fullSpeed() && !Plausibility.within(tier.bytesPerSecond() / tier.capacityBytes(),
                    Plausibility.FULL_SPEED_READS_PER_SECOND_MIN, Plausibility.FULL_SPEED_READS_PER_SECOND_MAX)) {
                return false;
            }
        }
        return true;
    }
}
