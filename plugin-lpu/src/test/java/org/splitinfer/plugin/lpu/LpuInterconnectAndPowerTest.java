package org.splitinfer.plugin.lpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Reach;

class LpuInterconnectAndPowerTest {

    private static final double TOLERANCE = 1e-15;

    private final Interconnect interconnect = LpuFixtures.accelerator().interconnect();

    @Test
    void scaleUpBandwidthIsEveryChipLinkTogether() {
        // 4 links × 10e9 B/s
        assertThat(interconnect.scaleUpBytesPerSecond()).isEqualTo(40e9);
        assertThat(interconnect.scaleUpDomainChips()).isEqualTo(8);
    }

    @Test
    void theNodeIsTheUnitABuyerGets() {
        assertThat(interconnect.nodeChips()).isEqualTo(4);
    }

    @Test
    void aSmallAllReduceInsideANodeIsOneShotOneHopDeep() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e3, 4, 1);
        // 4 chips fit a node: 1 hop = 1 µs; bw = min(4 − 1, 4 links) × 10e9 = 30e9
        // one-shot: 1 µs + 3 × 3e3 ÷ 30e9 = 1 µs + 0.3 µs = 1.3 µs
        // two-shot: 2 µs + 2 × 3/4 × 3e3 ÷ 30e9 = 2 µs + 0.15 µs = 2.15 µs; the cheaper is one-shot
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(1.3e-6, within(TOLERANCE));
    }

    @Test
    void aLargeAllReduceInsideANodeIsTwoShot() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e6, 4, 1);
        // one-shot: 1 µs + 3 × 3e6 ÷ 30e9 = 1 µs + 300 µs = 301 µs
        // two-shot: 2 µs + 2 × 3/4 × 3e6 ÷ 30e9 = 2 µs + 150 µs = 152 µs; the cheaper is two-shot
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(152e-6, within(1e-12));
    }

    @Test
    void anAllReduceAcrossNodesPaysTheRacksHops() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e3, 8, 2);
        // 8 chips span the rack's 2 nodes: 3 hops = 3 µs; bw = min(7, 4 links) × 10e9 = 40e9
        // one-shot: 3 µs + 7 × 3e3 ÷ 40e9 = 3 µs + 0.525 µs = 3.525 µs (two-shot: 6 µs + 0.13125 µs)
        // × 2 invocations = 7.05 µs
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(7.05e-6, within(TOLERANCE));
    }

    @Test
    void theOtherPatternsAreOneTransferDeep() {
        // 4 chips in a node: 1 µs; bw 30e9
        // reduce-scatter and all-to-all: 1 µs + 3/4 × 3e6 ÷ 30e9 = 1 µs + 75 µs = 76 µs
        assertThat(interconnect.collectiveSeconds(new Collective("rs", CollectiveKind.REDUCE_SCATTER, 3e6, 4, 1)))
                .isCloseTo(76e-6, within(1e-12));
        assertThat(interconnect.collectiveSeconds(new Collective("moe", CollectiveKind.ALL_TO_ALL, 3e6, 4, 1)))
                .isCloseTo(76e-6, within(1e-12));
        // all-gather of 1e6-byte shards: 1 µs + 3 × 1e6 ÷ 30e9 = 1 µs + 100 µs = 101 µs
        assertThat(interconnect.collectiveSeconds(new Collective("ag", CollectiveKind.ALL_GATHER, 1e6, 4, 1)))
                .isCloseTo(101e-6, within(1e-12));
        // send-recv between neighbours: 1 µs + 1e6 ÷ 10e9 = 101 µs
        assertThat(interconnect.collectiveSeconds(new Collective("pp", CollectiveKind.SEND_RECV, 1e6, 2, 1)))
                .isCloseTo(101e-6, within(1e-12));
    }

    @Test
    void aCollectiveLargerThanTheDomainGoesOverTheScaleOutDefaults() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e6, 16, 1);
        // scale-out defaults: one link 10e9 B/s, system.hops 5 × 1 µs = 5 µs per transfer
        // one-shot: 5 µs + 15 × 3e6 ÷ 10e9 = 4,505 µs; two-shot: 10 µs + 2 × 15/16 × 3e6 ÷ 10e9 = 572.5 µs
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(572.5e-6, within(1e-12));
        assertThat(interconnect.scaleOutBytesPerSecond()).isEqualTo(10e9);
    }

    @Test
    void oneParticipantCostsNothing() {
        assertThat(interconnect.collectiveSeconds(new Collective("solo", CollectiveKind.ALL_REDUCE, 1e9, 1, 5)))
                .isZero();
    }

    @Test
    void aTransferBetweenNeighboursPaysOneHopAndOneLink() {
        // 1 µs + 1e6 ÷ 10e9 = 101 µs
        assertThat(interconnect.transferSeconds(1e6, Reach.SCALE_UP)).isCloseTo(101e-6, within(TOLERANCE));
        assertThat(interconnect.transferSeconds(0, Reach.SCALE_UP)).isZero();
    }

    @Test
    void explicitScaleOutFiguresOverrideTheDragonflyDefaults() {
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("scaleOut.bytesPerSecond", 5e9);
        figures.put("scaleOut.latencySeconds", 4e-6);
        Interconnect custom = LpuFixtures.accelerator(figures).interconnect();
        // 4 µs + 1e6 ÷ 5e9 = 204 µs
        assertThat(custom.transferSeconds(1e6, Reach.SCALE_OUT)).isCloseTo(204e-6, within(TOLERANCE));
    }

    @Test
    void powerIsLinearBetweenIdleAndPeakPlusTheNode() {
        PowerModel power = LpuFixtures.accelerator().power();
        // 100 W + (300 − 100) × 0.5 = 200 W
        assertThat(power.watts(0.5)).isEqualTo(200.0);
        assertThat(power.idleWatts()).isEqualTo(100.0);
        assertThat(power.peakWatts()).isEqualTo(300.0);
        assertThat(power.nodeOverheadWattsPerChip()).isEqualTo(50.0);
    }

    @Test
    void priceIsEmptyUnlessTheSheetGivesOne() {
        assertThat(LpuFixtures.accelerator().price()).isEmpty();
        Map<String, Double> figures = LpuFixtures.figures();
        figures.put("price.usdPerChipHour", 2.5);
        Accelerator priced = LpuFixtures.accelerator(figures);
        assertThat(priced.price()).hasValueSatisfying(p -> {
            assertThat(p.usdPerChipHour()).hasValue(2.5);
            assertThat(p.purchaseUsd()).isEmpty();
        });
    }
}
