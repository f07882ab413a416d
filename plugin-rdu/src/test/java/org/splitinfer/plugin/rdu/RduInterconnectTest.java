package org.splitinfer.plugin.rdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Reach;

class RduInterconnectTest {
    private final RduInterconnect interconnect = RduFixtures.socket().interconnect();

    @Test
    void oneParticipantCostsNothing() {
        assertThat(interconnect.collectiveSeconds(new Collective("x", CollectiveKind.ALL_REDUCE, 1e9, 1, 5))).isZero();
    }

    @Test
    void allReduceInsideTheNodeMovesARingsBytesButPaysTwoHopsNotARingsSteps() {
        // 16 sockets, 1.6e9 bytes: 2 × 15/16 × 1.6e9 / 100e9 + 2 × 2e-6 (reduce-scatter and all-gather, each one
        // hop to every peer) = 0.03 + 4e-6 s, twice
        Collective collective = new Collective("tp", CollectiveKind.ALL_REDUCE, 1.6e9, 16, 2);

        assertThat(interconnect.collectiveSeconds(collective)).isCloseTo(2 * (0.03 + 4e-6), within(1e-12));
    }

    @Test
    void moreParticipantsThanTheNodeUseTheScaleOutNetwork() {
        // 32 sockets: 2 × 31/32 × 3.2e9 / 25e9 + 2 × 31 × 5e-6 = 0.248 + 310e-6 s
        Collective collective = new Collective("tp", CollectiveKind.ALL_REDUCE, 3.2e9, 32, 1);

        assertThat(interconnect.collectiveSeconds(collective)).isCloseTo(0.248 + 310e-6, within(1e-12));
    }

    @Test
    void transferPaysLatencyAndBandwidth() {
        // 1e9 / 100e9 + 2e-6 s
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_UP)).isCloseTo(0.01 + 2e-6, within(1e-15));
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_OUT)).isCloseTo(0.04 + 5e-6, within(1e-15));
    }
}
