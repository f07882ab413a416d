package org.splitinfer.plugin.rdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

class RduMemoryModelTest {
    private final RduMemoryModel memory = RduFixtures.socket().memory();

    @Test
    void tiersAreSramHbmDdrWithOnlyHbmFullSpeed() {
        assertThat(memory.tiers()).extracting(t -> t.name()).containsExactly("sram", "hbm", "ddr");
        assertThat(memory.tiers()).extracting(t -> t.fullSpeed()).containsExactly(false, true, false);
    }

    @Test
    void deepSeekR1Bf16DoesNotFitHbmOnSixteenSocketsAndTheDdrSpillIsReported() {
        // 1.34e12 bytes / 16 sockets = 83.75e9 per socket > 64e9 × 0.9 = 57.6e9 usable HBM
        // (even the whole HBM of the node, 16 × 64e9 = 1.024e12, is below 1.34e12)
        Footprint bf16 = new Footprint(1.34e12, 0, 0, 0);

        Placement full = memory.place(bf16, 16);
        List<Placement> alternatives = memory.alternatives(bf16, 16);

        assertThat(full.fitsFullSpeed()).isFalse();
        assertThat(alternatives).singleElement().satisfies(spill -> {
            assertThat(spill.name()).isEqualTo("ddr-spill");
            assertThat(spill.residency()).isEqualTo(new Residency("ddr", "hbm", "sram"));
            TierUsage hbm = usage(spill, "hbm");
            TierUsage ddr = usage(spill, "ddr");
            assertThat(hbm.weightBytes()).isCloseTo(57.6e9, within(1.0));
            assertThat(ddr.weightBytes()).isCloseTo(83.75e9 - 57.6e9, within(1.0));
        });
    }

    @Test
    void deepSeekR1Fp8FitsHbmOnSixteenSockets() {
        // 0.67e12 / 16 = 41.875e9 per socket <= 57.6e9; KV room (57.6e9 − 41.875e9) / 1e5 B per token = 157,250 tokens
        Footprint fp8 = new Footprint(0.67e12, 1e5, 0, 0);

        Placement full = memory.place(fp8, 16);

        assertThat(full.fitsFullSpeed()).isTrue();
        assertThat(full.kvTokensCapacityPerChip()).isEqualTo(157_250);
        assertThat(memory.alternatives(fp8, 16)).isEmpty();
        // 0.67e12 / 57.6e9 = 11.63, so 12 sockets are the fewest
        assertThat(memory.minChips(fp8)).hasValue(12);
    }

    @Test
    void activationsAreChargedToHbmAndReadFromSramWhileTheyFitIt() {
        // 16 × 500e6 activation bytes over 16 sockets: 500e6 each, within 520e6 of SRAM; HBM backs them
        Placement small = memory.place(new Footprint(0, 0, 0, 16 * 500e6), 16);
        // 600e6 each no longer fits the scratchpad: read from HBM
        Placement large = memory.place(new Footprint(0, 0, 0, 16 * 600e6), 16);

        assertThat(small.perChip()).singleElement().satisfies(u -> {
            assertThat(u.tier()).isEqualTo("hbm");
            assertThat(u.activationBytes()).isCloseTo(500e6, within(1.0));
        });
        assertThat(small.residency().activationsTier()).isEqualTo("sram");
        assertThat(large.residency().activationsTier()).isEqualTo("hbm");
    }

    @Test
    void placementsNeverExceedATiersCapacity() {
        Footprint huge = new Footprint(1e15, 1e6, 1_000_000, 1e12);

        Placement full = memory.place(huge, 3);

        for (TierUsage usage : full.perChip()) {
            assertThat(usage.totalBytes()).isLessThanOrEqualTo(memory.tier(usage.tier()).capacityBytes());
        }
        assertThat(full.kvTokensCapacityPerChip()).isZero();
        // 1e15 / 3 weight bytes cannot fit HBM + DDR either: no spill is offered
        assertThat(memory.alternatives(huge, 3)).isEmpty();
    }

    @Test
    void modelSwitchCopiesFromDdrAtDdrSpeed() {
        // a 70e9-byte model over 2 sockets: 35e9 bytes each at 100e9 B/s = 0.35 s
        assertThat(RduFixtures.socket().modelSwitchSeconds(70e9 / 2)).isCloseTo(0.35, within(1e-12));
    }

    private static TierUsage usage(Placement placement, String tier) {
        return placement.perChip().stream().filter(u -> u.tier().equals(tier)).findFirst().orElseThrow();
    }
}
