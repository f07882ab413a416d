package org.splitinfer.plugin.riscv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;
import org.splitinfer.spi.UnsupportedPrecisionException;

class RiscvModelTest {
    private final RiscvAccelerator galaxyChip = RiscvFixtures.chip(RiscvFixtures.galaxyChip());

    @Test
    void sramIsTheTensixCoresL1AndGddrIsTheFullSpeedTier() {
        // 80 cores × 1.5e6 bytes = 120e6 bytes of L1
        assertThat(galaxyChip.memory().tier("sram").capacityBytes()).isEqualTo(120e6);
        assertThat(galaxyChip.memory().tier("sram").fullSpeed()).isFalse();
        assertThat(galaxyChip.memory().tier("gddr").fullSpeed()).isTrue();
        assertThat(galaxyChip.tensixCores()).isEqualTo(80);
    }

    @Test
    void llama70bInBfp8FitsOnThirtyTwoGalaxyChips() {
        // 70.55e9 parameters × 8.5 / 8 bytes = 74.959375e9 weight bytes;
        // KV: 80 layers × 8 KV heads × 128 dims × 2 (K and V) × 2 bytes = 327,680 bytes per token, 262,144 tokens
        double weights = 70.55e9 * 8.5 / 8;
        Footprint llama = new Footprint(weights, 327_680, 262_144, 0);

        Placement placement = galaxyChip.memory().place(llama, 32);

        // per chip: (74.959375e9 + 327,680 × 262,144) / 32 = (74.959e9 + 85.899e9) / 32 = 5.027e9 <= 12e9 × 0.9 = 10.8e9
        assertThat(placement.fitsFullSpeed()).isTrue();
        assertThat(placement.perChip().get(0).weightBytes()).isCloseTo(weights / 32, within(1.0));
        // KV room per chip: (10.8e9 − 74.959375e9 / 32) / 327,680 = (10.8e9 − 2.342480e9) / 327,680 = 25,810 tokens
        assertThat(placement.kvTokensCapacityPerChip()).isEqualTo(25_810);
        // without KV the weights alone need ceil(74.959375e9 / 10.8e9) = ceil(6.94) = 7 chips
        assertThat(galaxyChip.memory().minChips(new Footprint(weights, 0, 0, 0))).hasValue(7);
    }

    @Test
    void blockFloatingPointFormatsAreNativeComputePrecisions() {
        assertThat(galaxyChip.roofline().computePrecisions())
                .containsExactly(Precision.BFP8, Precision.BFP4, Precision.BF16);
        // 150e12 bfp8 FLOPs = 1 s; 0.15e12 weight bytes from GDDR at 300e9 = 0.5 s; + 10e-6 s launch
        Kernel bfp8 = RiscvFixtures.gemm(150e12, 0.15e12, Precision.BFP8);
        assertThat(galaxyChip.roofline().kernelSeconds(bfp8, new Residency("gddr", "gddr", "sram")))
                .isCloseTo(1.0 + 10e-6, within(1e-12));
    }

    @Test
    void kernelsNotInAPeakFormatAreRefused() {
        assertThatThrownBy(() -> galaxyChip.roofline().kernelSeconds(RiscvFixtures.gemm(1, 1, Precision.NVFP4),
                Residency.allIn("gddr")))
                .isInstanceOf(UnsupportedPrecisionException.class)
                .hasMessageContaining("it runs [bfp8, bfp4, bf16]");
    }

    @Test
    void aStepIsTheSumOfItsKernelsWithTheDispatchOfItsPhase() {
        // two memory-bound kernels: 3e9 bytes / 300e9 = 0.01 s each; a prefill dispatches each from the host
        // (10e-6 s), a decode replays them from a captured trace (1e-6 s each)
        Kernel kernel = RiscvFixtures.gemm(0, 3e9, Precision.BF16);
        Residency residency = new Residency("gddr", "gddr", "sram");
        Step prefill = new Step(Phase.PREFILL, List.of(kernel, kernel), residency, ParallelLayout.SINGLE, 1, 1);
        Step decode = new Step(Phase.DECODE, List.of(kernel, kernel), residency, ParallelLayout.SINGLE, 1, 1);

        assertThat(galaxyChip.roofline().stepTiming(prefill).latencySeconds())
                .isCloseTo(2 * (0.01 + 10e-6), within(1e-12));
        assertThat(galaxyChip.roofline().stepTiming(decode).latencySeconds())
                .isCloseTo(2 * (0.01 + 1e-6), within(1e-12));
    }

    @Test
    void galaxyAllReduceFollowsTheMeshAndCostsMoreHopsThanACrossbar() {
        // 32 chips on the 4 × 8 mesh: (4 − 1) + (8 − 1) = 10 hops per phase; a crossbar needs 1
        int crossbarHopsPerPhase = 1;
        assertThat(galaxyChip.interconnect().hopsPerPhase(32)).isEqualTo(10).isGreaterThan(crossbarHopsPerPhase);

        // 3.2e6 bytes: 2 × 31/32 × 3.2e6 / (16 × 12.5e9) = 31e-6 s of bandwidth; 2 phases × 10 hops × 1e-6 s = 20e-6 s
        Collective allReduce = new Collective("tp", CollectiveKind.ALL_REDUCE, 3.2e6, 32, 1);
        double mesh = galaxyChip.interconnect().collectiveSeconds(allReduce);
        double crossbar = 31e-6 + 2 * crossbarHopsPerPhase * 1e-6;

        assertThat(mesh).isCloseTo(31e-6 + 20e-6, within(1e-15)).isGreaterThan(crossbar);
    }

    @Test
    void smallGroupsUseTheSmallestSubMesh() {
        // 8 chips: one row of 8 → 7 hops; 4 chips: one row of 4 → 3 hops; 9 chips: 2 rows of 8 → 1 + 7 = 8 hops
        assertThat(galaxyChip.interconnect().hopsPerPhase(8)).isEqualTo(7);
        assertThat(galaxyChip.interconnect().hopsPerPhase(4)).isEqualTo(3);
        assertThat(galaxyChip.interconnect().hopsPerPhase(9)).isEqualTo(8);
        assertThat(galaxyChip.interconnect().hopsPerPhase(1)).isZero();
    }

    @Test
    void beyondTheGalaxyCollectivesUseTheScaleOutNetwork() {
        // 64 chips: 2 × 63/64 × 6.4e9 / 50e9 + 2 × 63 × 2e-6 = 0.252 + 252e-6 s
        Collective allReduce = new Collective("tp", CollectiveKind.ALL_REDUCE, 6.4e9, 64, 1);

        assertThat(galaxyChip.interconnect().collectiveSeconds(allReduce)).isCloseTo(0.252 + 252e-6, within(1e-12));
        assertThat(galaxyChip.interconnect().collectiveSeconds(
                new Collective("one", CollectiveKind.ALL_REDUCE, 6.4e9, 1, 1))).isZero();
    }

    @Test
    void aRingAcrossN300CardsRunsAtTheCardsOneCollectiveLink() {
        // a T3000: four n300 cards (1 × 2 meshes) whose two chips keep 1 × 12.5e9 B/s for collectives, cabled at
        // 50e9 B/s per chip; the 8-chip ring crosses the cards' own links, so it runs at min(50e9, 12.5e9)
        RiscvMeshInterconnect card = cardOf(2);
        assertThat(card.ringBeyondTheMeshBytesPerSecond()).isEqualTo(12.5e9);

        // 537e6 bytes (65,536 tokens × 4,096 × 2 B): 2 × 7/8 × 537e6 / 12.5e9 = 75.18e-3 s; 14 hops × 2e-6 s
        Collective allReduce = new Collective("tp", CollectiveKind.ALL_REDUCE, 537e6, 8, 1);
        assertThat(card.collectiveSeconds(allReduce)).isCloseTo(75.18e-3 + 28e-6, within(1e-9));
        // inside one card the same link: 2 × 1/2 × 537e6 / 12.5e9 = 42.96e-3 s, 2 × 1 hop × 1e-6 s
        assertThat(card.collectiveSeconds(new Collective("tp", CollectiveKind.ALL_REDUCE, 537e6, 2, 1)))
                .isCloseTo(42.96e-3 + 2e-6, within(1e-9));
    }

    @Test
    void aRingAcrossOneChipCardsRunsAtTheScaleOutRate() {
        // n150 or p150 cards have no link of their own to cross: 4 of them ring at the 50e9 B/s of their ports
        assertThat(cardOf(1).ringBeyondTheMeshBytesPerSecond()).isEqualTo(50e9);
        // and a Galaxy's 200e9 B/s mesh is faster than its 50e9 B/s scale-out: the ring keeps 50e9
        assertThat(galaxyChip.interconnect().ringBeyondTheMeshBytesPerSecond()).isEqualTo(50e9);
    }

    /** A card of {@code chips} chips side by side, one 12.5e9 B/s link between them, the fixture's 50e9 B/s out. */
    private static RiscvMeshInterconnect cardOf(int chips) {
        Map<String, Double> card = RiscvFixtures.galaxyChip();
        card.put("mesh.rows", 1.0);
        card.put("mesh.columns", (double) chips);
        card.put("ethernet.links", 1.0);
        return RiscvFixtures.chip(card).interconnect();
    }

    @Test
    void scaleUpIsTheMeshAndAllOfAChipsLinks() {
        assertThat(galaxyChip.interconnect().scaleUpDomainChips()).isEqualTo(32);
        // 16 links × 12.5e9 B/s
        assertThat(galaxyChip.interconnect().scaleUpBytesPerSecond()).isEqualTo(200e9);
    }

    @Test
    void aBuyerGetsTheWholeMeshOfAProduct() {
        // a Galaxy is its 4 × 8 mesh of 32 chips, bought together
        assertThat(galaxyChip.interconnect().nodeChips()).isEqualTo(32);
    }

    @Test
    void decodeAttentionWithFewSequenceHeadPairsReadsItsCacheAtTheUsedCoresShare() {
        Map<String, Double> figures = RiscvFixtures.galaxyChip();
        figures.put("attention.decodeHeadCores", 16.0);
        RiscvAccelerator limited = RiscvFixtures.chip(figures);
        Residency gddr = new Residency("gddr", "gddr", "sram");
        // 600 MB of cached keys and values at 300 GB/s: 2 ms on the whole chip
        Kernel oneUser = attention(1, 1, 600e6);
        assertThat(galaxyChip.roofline().kernelSeconds(oneUser, gddr)).isCloseTo(2e-3 + 10e-6, within(1e-12));
        // one (sequence, KV head) pair gets 16 of the 80 cores: 80 / 16 = 5 times the chip's time
        assertThat(limited.roofline().kernelSeconds(oneUser, gddr)).isCloseTo(5 * 2e-3 + 10e-6, within(1e-12));
        // 8 sequences × 1 head = 8 pairs × 16 = 128 cores wanted, all 80 used: no slowdown
        assertThat(limited.roofline().kernelSeconds(attention(8, 1, 600e6), gddr))
                .isCloseTo(2e-3 + 10e-6, within(1e-12));
        // 2 pairs: 32 of 80 cores, 80 / 32 = 2.5 times
        assertThat(limited.roofline().kernelSeconds(attention(1, 2, 600e6), gddr))
                .isCloseTo(2.5 * 2e-3 + 10e-6, within(1e-12));
        // a prefill's attention (many query tokens per sequence) splits its queries instead: no limit
        Kernel prefill = new Kernel("attention", KernelKind.ATTENTION, 1, 0, Precision.BF16,
                new OperandBytes(0, 600e6, 0), OperandBytes.NONE, new AttentionShape(1, 128, 128 * 129 / 2.0, 8, 1,
                128));
        assertThat(limited.roofline().kernelSeconds(prefill, gddr)).isCloseTo(2e-3 + 10e-6, within(1e-12));
    }

    /** A decode attention kernel: one query token per sequence, {@code kvBytes} of cache read, no FLOPs to speak of. */
    private static Kernel attention(long sequences, int kvHeads, double kvBytes) {
        return new Kernel("attention", KernelKind.ATTENTION, 1, 0, Precision.BF16, new OperandBytes(0, kvBytes, 0),
                OperandBytes.NONE, new AttentionShape(sequences, sequences, sequences * 1000.0, 8 * kvHeads,
                        kvHeads, 128));
    }
}
