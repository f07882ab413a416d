package org.splitinfer.plugin.wafer;

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

class WaferInterconnectAndPowerTest {

    private final Interconnect interconnect = WaferFixtures.accelerator().interconnect();

    @Test
    void theSystemIoIsTheScaleOutBandwidthAndTheDomainIsOneWafer() {
        assertThat(interconnect.scaleOutBytesPerSecond()).isEqualTo(100e9);
        assertThat(interconnect.scaleUpBytesPerSecond()).isEqualTo(100e9);
        assertThat(interconnect.scaleUpDomainChips()).isEqualTo(1);
    }

    @Test
    void kvCacheLeavingTheWaferIsBoundByTheSystemIo() {
        // 10 µs + 1e9 B ÷ 100e9 B/s = 10.01 ms, whichever reach
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_OUT)).isCloseTo(10.01e-3, within(1e-15));
        assertThat(interconnect.transferSeconds(1e9, Reach.SCALE_UP)).isCloseTo(10.01e-3, within(1e-15));
    }

    @Test
    void anAllReduceOverFourWafersCrossesTheSystemIo() {
        Collective allReduce = new Collective("tp", CollectiveKind.ALL_REDUCE, 4e6, 4, 1);
        // 2 × 3/4 × 4e6 ÷ 100e9 = 60 µs; 2 × ⌈log2 4⌉ = 4 crossings × 10 µs = 40 µs
        assertThat(interconnect.collectiveSeconds(allReduce)).isCloseTo(100e-6, within(1e-15));
        assertThat(interconnect.collectiveSeconds(new Collective("solo", CollectiveKind.ALL_REDUCE, 4e6, 1, 1)))
                .isZero();
    }

    @Test
    void powerIsTheWaferPlusTheRestOfItsSystem() {
        PowerModel power = WaferFixtures.accelerator().power();
        // 5 kW + (15 − 5) kW × 0.3 = 8 kW for the wafer; the system adds 8 kW
        assertThat(power.watts(0.3)).isCloseTo(8_000.0, within(1e-9));
        assertThat(power.nodeOverheadWattsPerChip()).isEqualTo(8_000.0);
    }

    @Test
    void priceIsOneSystemsWhenTheSheetGivesIt() {
        assertThat(WaferFixtures.accelerator().price()).isEmpty();
        Map<String, Double> figures = WaferFixtures.figures();
        figures.put("price.purchaseUsd", 2.5e6);
        Accelerator priced = WaferFixtures.accelerator(figures);
        assertThat(priced.price()).hasValueSatisfying(p -> assertThat(p.purchaseUsd()).hasValue(2.5e6));
    }

    @Test
    void anExplicitDomainSizeIsHonoured() {
        Map<String, Double> figures = WaferFixtures.figures();
        figures.put("scaleUp.domainChips", 4.0);
        assertThat(WaferFixtures.accelerator(figures).interconnect().scaleUpDomainChips()).isEqualTo(4);
    }
}
