package org.splitinfer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.assertj.core.api.SoftAssertions;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.TierUsage;

/** The memory facet's checks: capacities, the fewest chips, the KV capacity, bandwidth per byte, thread-safety. */
final class MemoryChecks {
    private static final double SLACK = RooflineChecks.SLACK;
    private static final int[] CHIPS = {1, 8, 64, 512};
    /** How far below the room a family may count its KV capacity (a reserve, whole paging blocks). */
    private static final double KV_RESERVE = 0.9;

    private MemoryChecks() {
    }

    /** Placements stay within each tier's capacity, and within its usable part when they say they fit. */
    static void placementsWithinCapacity(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            assertThat(memory.tiers()).as("%s has a full-speed tier", accelerator.id())
                    .anyMatch(MemoryTier::fullSpeed);
            for (Footprint footprint : Facets.sampleFootprints()) {
                for (int chips : CHIPS) {
                    for (Placement placement : placements(memory, footprint, chips)) {
                        softly.assertThat(placement.chips()).isEqualTo(chips);
                        for (TierUsage usage : placement.perChip()) {
                            MemoryTier tier = memory.tier(usage.tier());
                            softly.assertThat(usage.totalBytes())
                                    .as("%s %s on %d chips: %s bytes in %s", accelerator.id(), placement.name(),
                                            chips, usage.totalBytes(), tier.name())
                                    .isLessThanOrEqualTo(tier.capacityBytes() * (1 + SLACK));
                            if (placement.fitsFullSpeed()) {
                                softly.assertThat(tier.fullSpeed())
                                        .as("%s %s fits at full speed yet uses %s", accelerator.id(),
                                                placement.name(), tier.name())
                                        .isTrue();
                                softly.assertThat(usage.totalBytes()).isLessThanOrEqualTo(
                                        tier.usableBytes() * (1 + SLACK));
                            }
                        }
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** minChips fits, and one chip fewer does not. */
    static void minChipsIsTheFewest(List<Accelerator> accelerators) {
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            for (Footprint footprint : Facets.sampleFootprints()) {
                OptionalInt fewest = memory.minChips(footprint);
                if (fewest.isEmpty()) {
                    continue;
                }
                int chips = fewest.getAsInt();
                assertThat(memory.place(footprint, chips).fitsFullSpeed())
                        .as("%s fits %s on %d chips", accelerator.id(), footprint, chips).isTrue();
                if (chips > 1) {
                    assertThat(memory.place(footprint, chips - 1).fitsFullSpeed())
                            .as("%s does not fit %s on %d chips", accelerator.id(), footprint, chips - 1).isFalse();
                }
            }
        }
    }

    /**
     * A placement that fits counts the KV tokens one chip can still hold: the usable bytes of the tier the KV cache
     * lives in, less the weights and activations the placement keeps there, over the bytes one token adds, rounded
     * down. The host multiplies it by the chips, so a capacity counted for the whole instance (the chips times too
     * many) would admit requests that do not fit. A family may keep up to a tenth in reserve.
     */
    static void kvCapacityPerChip(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            for (Footprint footprint : Facets.sampleFootprints()) {
                for (int chips : CHIPS) {
                    for (Placement placement : placements(memory, footprint, chips)) {
                        if (!placement.fitsFullSpeed() || footprint.kvBytesPerToken() == 0) {
                            continue;
                        }
                        MemoryTier tier = memory.tier(placement.residency().kvCacheTier());
                        double room = tier.usableBytes();
                        for (TierUsage usage : placement.perChip()) {
                            if (usage.tier().equals(tier.name())) {
                                room -= usage.weightBytes() + usage.activationBytes();
                            }
                        }
                        double tokens = Math.floor(Math.max(0, room) / footprint.kvBytesPerToken());
                        softly.assertThat(placement.kvTokensCapacityPerChip() <= tokens + 1
                                        && placement.kvTokensCapacityPerChip() >= KV_RESERVE * tokens - 1)
                                .as("%s %s on %d chips: kvTokensCapacityPerChip is %d, but one chip's %s has %s usable"
                                                + " bytes left after weights and activations, room for %.0f tokens of"
                                                + " %.0f bytes; count the tokens one chip holds, not the instance's",
                                        accelerator.id(), placement.name(), chips,
                                        placement.kvTokensCapacityPerChip(), tier.name(), Plausibility.number(room),
                                        tokens, footprint.kvBytesPerToken())
                                .isTrue();
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** Each tier's bandwidth per byte of capacity within {@link Plausibility}'s range for its kind of tier. */
    static void bandwidthPerByte(List<Accelerator> accelerators) {
        SoftAssertions softly = new SoftAssertions();
        for (Accelerator accelerator : accelerators) {
            for (MemoryTier tier : accelerator.memory().tiers()) {
                double min = tier.fullSpeed() ? Plausibility.FULL_SPEED_READS_PER_SECOND_MIN
                        : Plausibility.SLOW_READS_PER_SECOND_MIN;
                double max = tier.fullSpeed() ? Plausibility.FULL_SPEED_READS_PER_SECOND_MAX
                        : Plausibility.SLOW_READS_PER_SECOND_MAX;
                double perSecond = tier.bytesPerSecond() / tier.capacityBytes();
                softly.assertThat(Plausibility.within(perSecond, min, max))
                        .as("%s: %s.bytesPerSecond %s over %s.capacityBytes %s reads the whole tier %s times a second,"
                                        + " outside the %s of every %s tier shipped so far; are the units bytes and"
                                        + " bytes per second (not bits, not GB)?", accelerator.id(), tier.name(),
                                Plausibility.number(tier.bytesPerSecond()), tier.name(),
                                Plausibility.number(tier.capacityBytes()), Plausibility.number(perSecond),
                                Plausibility.range(min, max), tier.fullSpeed() ? "full-speed" : "slower")
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /** The same placements and fewest chips from many threads. */
    static void manyThreads(List<Accelerator> accelerators) throws InterruptedException {
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        for (Accelerator accelerator : accelerators) {
            MemoryModel memory = accelerator.memory();
            for (Footprint footprint : Facets.sampleFootprints()) {
                for (int chips : CHIPS) {
                    calls.put(accelerator.id() + " place(" + footprint + ", " + chips + ")",
                            () -> memory.place(footprint, chips));
                    calls.put(accelerator.id() + " alternatives(" + footprint + ", " + chips + ")",
                            () -> memory.alternatives(footprint, chips));
                }
                calls.put(accelerator.id() + " minChips(" + footprint + ")", () -> memory.minChips(footprint));
            }
        }
        assertThat(ManyThreads.differing(calls)).as("answers that depend on the thread").isEmpty();
    }

    private static List<Placement> placements(MemoryModel memory, Footprint footprint, int chips) {
        List<Placement> placements = new ArrayList<>();
        placements.add(memory.place(footprint, chips));
        placements.addAll(memory.alternatives(footprint, chips));
        return placements;
    }
}
