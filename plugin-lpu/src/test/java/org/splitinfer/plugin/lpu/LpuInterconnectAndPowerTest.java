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
    void anAllReduceInsideTheDomainUsesOneLinkPerPeer() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e6, 4, 1);
        // bw = min(4 − 1, 4 links) × 10e9 = 30e9; 2 × 3/4 × 3e6 ÷ 30e9 = 150 µs; 2 × ⌈log2 4⌉ = 4 hops × 1 µs
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(154e-6, within(TOLERANCE));
    }

    @Test
    void aCollectiveLargerThanTheDomainGoesOverTheScaleOutDefaults() {
        Collective allReduce = new Collective("attention-out", CollectiveKind.ALL_REDUCE, 3e6, 16, 1);
        // scale-out defaults: one link 10e9 B/s, 3 hops = 3 µs; 2 × 15/16 × 3e6 ÷ 10e9 = 562.5 µs;
        // 2 × ⌈log2 16⌉ = 8 steps × 3 µs = 24 µs
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(586.5e-6, within(1e-12));
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
