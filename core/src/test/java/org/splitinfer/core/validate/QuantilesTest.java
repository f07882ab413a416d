package org.splitinfer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    private static final List<Double> ERRORS = List.of(0.8, 0.1, 0.4, 0.2);

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        // sorted 0.1 0.2 0.4 0.8; position (4 − 1) × 0.5 = 1.5 → 0.2 + 0.5 × (0.4 − 0.2) = 0.3
        assertThat(Quantiles.median(ERRORS)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void ninetiethPercentileInterpolatesLinearlyAsNumpyDoes() {
        // position (4 − 1) × 0.9 = 2.7 → 0.4 + 0.7 × (0.8 − 0.4) = 0.68
        assertThat(Quantiles.of(ERRORS, 0.9)).isCloseTo(0.68, within(1e-12));
    }

    @Test
    void extremesAreTheSmallestAndLargestValues() {
        assertThat(Quantiles.of(ERRORS, 0.0)).isEqualTo(0.1);
        assertThat(Quantiles.of(ERRORS, 1.0)).isEqualTo(0.8);
        assertThat(Quantiles.of(List.of(0.5), 0.9)).isEqualTo(0.5);
    }

    @Test
    void noValuesHaveNoQuantile() {
        assertThatThrownBy(() -> Quantiles.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
