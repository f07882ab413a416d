package org.splitinfer.plugin.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.PowerModel;

class GpuPowerModelTest {
    private final Accelerator chip = GpuFixtures.chip();

    @Test
    void powerInterpolatesLinearlyBetweenIdleAndPeak() {
        // 100 W idle, 700 W peak: watts(0.5) = 100 + (700 − 100) × 0.5 = 400 W; watts(0.25) = 100 + 150 = 250 W.
        PowerModel power = chip.power();

        assertThat(power.watts(0)).isEqualTo(100.0);
        assertThat(power.watts(0.25)).isEqualTo(250.0);
        assertThat(power.watts(0.5)).isEqualTo(400.0);
        assertThat(power.watts(1)).isEqualTo(700.0);
        assertThat(power.nodeOverheadWattsPerChip()).isEqualTo(300.0);
        assertThatThrownBy(() -> power.watts(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void priceCarriesWhatTheSheetGives() {
        // The fixture gives only an hourly price.
        assertThat(chip.price()).hasValueSatisfying(price -> {
            assertThat(price.usdPerChipHour()).isEqualTo(OptionalDouble.of(2.5));
            assertThat(price.purchaseUsd()).isEmpty();
        });
    }

    @Test
    void aChipWithoutPriceFiguresHasNoPrice() {
        var figures = GpuFixtures.figures();
        figures.remove("price.usdPerChipHour");

        assertThat(GpuFixtures.chip("unpriced", figures).price()).isEmpty();
    }
}
