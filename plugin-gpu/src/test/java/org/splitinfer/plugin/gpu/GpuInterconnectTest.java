package org.splitinfer.plugin.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Reach;

class GpuInterconnectTest {
    // Fixture: 8-chip domain, 500 GB/s × 0.8 = 400 GB/s effective, 1 µs per step; scale-out 50 GB/s, 5 µs.
    private final Interconnect interconnect = GpuFixtures.chip().interconnect();

    @Test
    void ringAllReduceMovesTwiceTheBufferLessOneShare() {
        // 8 chips, 64 MB: 2 × 7/8 × 64e6 ÷ 400e9 = 1.75 × 160 µs = 280 µs; latency 2 × 7 × 1 µs = 14 µs → 294 µs.
        double seconds = interconnect.collectiveSeconds(collective(CollectiveKind.ALL_REDUCE, 64e6, 8, 1));

        assertThat(seconds).isCloseTo(294e-6, within(1e-12));
    }

    @Test
    void countMultipliesTheTime() {
        // 80 layers × 294 µs = 23.52 ms.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_REDUCE, 64e6, 8, 80)))
                .isCloseTo(23.52e-3, within(1e-12));
    }

    @Test
    void reduceScatterAllGatherAllToAllAndSendRecv() {
        // reduce-scatter, 4 chips, 40 MB full buffer: 3/4 × 40e6 ÷ 400e9 = 75 µs + 3 × 1 µs = 78 µs.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.REDUCE_SCATTER, 40e6, 4, 1)))
                .isCloseTo(78e-6, within(1e-12));
        // all-gather, 4 chips, 10 MB shard each: receives 3 × 10e6 ÷ 400e9 = 75 µs + 3 µs = 78 µs.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_GATHER, 10e6, 4, 1)))
                .isCloseTo(78e-6, within(1e-12));
        // all-to-all, 8 chips, 16 MB: 7/8 × 16e6 ÷ 400e9 = 35 µs + 1 µs = 36 µs.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_TO_ALL, 16e6, 8, 1)))
                .isCloseTo(36e-6, within(1e-12));
        // send-recv, 4 MB: 4e6 ÷ 400e9 = 10 µs + 1 µs = 11 µs.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.SEND_RECV, 4e6, 2, 1)))
                .isCloseTo(11e-6, within(1e-12));
    }

    @Test
    void aSwitchedDomainTakesTheFasterOfOneShotAndTwoShot() {
        Map<String, Double> figures = GpuFixtures.figures();
        figures.put("scaleUp.switched", 1.0);
        Interconnect switched = GpuFixtures.chip("switched", figures).interconnect();

        // a decode all-reduce of 8 chips, 16 KB: one-shot 7 × 16e3 ÷ 400e9 = 0.28 µs + 1 µs = 1.28 µs; two-shot
        // 2 × 7/8 × 16e3 ÷ 400e9 = 0.07 µs + 2 µs = 2.07 µs: one-shot, one step (a ring: 0.07 µs + 14 µs)
        Collective small = collective(CollectiveKind.ALL_REDUCE, 16e3, 8, 1);
        assertThat(switched.collectiveSeconds(small)).isCloseTo(1.28e-6, within(1e-15));
        assertThat(switched.collectiveLatencySteps(small)).isEqualTo(1);
        // 64 MB: one-shot 7 × 160 µs + 1 µs = 1,121 µs; two-shot 280 µs + 2 µs = 282 µs: two-shot, two steps
        Collective large = collective(CollectiveKind.ALL_REDUCE, 64e6, 8, 1);
        assertThat(switched.collectiveSeconds(large)).isCloseTo(282e-6, within(1e-12));
        assertThat(switched.collectiveLatencySteps(large)).isEqualTo(2);
        // without a switch, the ring: 2(n − 1) = 14 steps
        assertThat(interconnect.collectiveLatencySteps(small)).isEqualTo(14);
    }

    @Test
    void participantsBeyondTheDomainUseTheScaleOutNetwork() {
        // 16 chips > 8: 2 × 15/16 × 64e6 ÷ 50e9 = 2,400 µs; latency 2 × 15 × 5 µs = 150 µs → 2,550 µs.
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_REDUCE, 64e6, 16, 1)))
                .isCloseTo(2550e-6, within(1e-12));
    }

    @Test
    void oneParticipantOrNoBytesCostsNothing() {
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_REDUCE, 64e6, 1, 10))).isZero();
        assertThat(interconnect.collectiveSeconds(collective(CollectiveKind.ALL_REDUCE, 0, 8, 10))).isZero();
    }

    @Test
    void transfersPayBandwidthAndLatency() {
        // Scale-up: 1 GB ÷ 400 GB/s = 2.5 ms + 1 µs. Scale-out: 1 GB ÷ 50 GB/s = 20 ms + 5 µs.
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_UP)).isCloseTo(2.501e-3, within(1e-12));
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_OUT)).isCloseTo(20.005e-3, within(1e-12));
        assertThat(interconnect.transferSeconds(0, Reach.SCALE_OUT)).isZero();
        assertThat(interconnect.scaleUpDomainChips()).isEqualTo(8);
        assertThat(interconnect.scaleUpBytesPerSecond()).isEqualTo(500e9);
        assertThat(interconnect.scaleOutBytesPerSecond()).isEqualTo(50e9);
    }

    @Test
    void anUnknownCollectiveKindIsNamed() {
        assertThatThrownBy(() -> interconnect.collectiveSeconds(collective(new CollectiveKind("broadcast"), 1e6, 8, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'broadcast'");
    }

    private static Collective collective(CollectiveKind kind, double bytes, int participants, long count) {
        return new Collective("test", kind, bytes, participants, count);
    }
}
