package org.splitinfer.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void matchesTabulatedValuesWithinTheFormulasError() {
        // tabulated Φ: Φ(0) = 0.5, Φ(1) = 0.8413447, Φ(1.959964) = 0.975, Φ(−3) = 0.0013499; error ≤ 7.5e-8
        assertThat(StandardNormal.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(StandardNormal.cdf(1)).isCloseTo(0.8413447, within(1e-7));
        assertThat(StandardNormal.cdf(1.959964)).isCloseTo(0.975, within(1e-7));
        assertThat(StandardNormal.cdf(-1)).isCloseTo(1 - 0.8413447, within(1e-7));
        assertThat(StandardNormal.cdf(-3)).isCloseTo(0.0013499, within(1e-7));
    }

    @Test
    void runsFromZeroToOne() {
        assertThat(StandardNormal.cdf(-40)).isBetween(0.0, 1e-12);
        assertThat(StandardNormal.cdf(40)).isCloseTo(1.0, within(1e-12));
    }
}
