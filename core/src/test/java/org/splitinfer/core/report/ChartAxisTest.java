package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ChartAxisTest {
    @Test
    void linearTicksStepByOneTwoOrFiveTimesAPowerOfTen() {
        // 0 to 50 ms in at most six intervals: 50 ms ÷ 6 = 8.3 ms, and the first of 1, 2, 5, 10 ms at or above it
        // is 10 ms
        ChartAxis axis = ChartAxis.linear(0, 0.05, 0, 100);

        assertThat(axis.ticks()).containsExactly(0.0, 0.01, 0.02, 0.03, 0.04, 0.05);
    }

    @Test
    void aLinearRangeWidensToWholeSteps() {
        // 0.107 to 0.2: 0.093 ÷ 6 = 0.0155, so steps of 0.02; 0.107 widens down to 0.10
        ChartAxis axis = ChartAxis.linear(0.107, 0.2, 0, 100);

        assertThat(axis.min()).isEqualTo(0.1);
        assertThat(axis.max()).isEqualTo(0.2);
        assertThat(axis.ticks()).containsExactly(0.1, 0.12, 0.14, 0.16, 0.18, 0.2);
    }

    @Test
    void rangesWiderThanAFactorOfThirtyGoOnALogScale() {
        assertThat(ChartAxis.fitting(1, 31, 0, 100, false).log()).isTrue();
        assertThat(ChartAxis.fitting(1, 29, 0, 100, false).log()).isFalse();
        // 0.3 to 40 spans the decades 0.1 to 100: three of them, so ticks at the decades only
        assertThat(ChartAxis.logarithmic(0.3, 40, 0, 100).ticks()).containsExactly(0.1, 1.0, 10.0, 100.0);
        // 2 to 90: two decades, so 2 and 5 within them too
        assertThat(ChartAxis.logarithmic(2, 90, 0, 100).ticks())
                .containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);
    }

    @Test
    void valuesMapOntoThePixelSpanAndClampAtItsEnds() {
        // linear: 2.5 is a quarter of 0..10, so a quarter of 100..200 px; y-axes run the other way
        assertThat(ChartAxis.linear(0, 10, 100, 200).pixel(2.5)).isCloseTo(125, Offset.offset(1e-9));
        assertThat(ChartAxis.linear(0, 10, 300, 100).pixel(2.5)).isCloseTo(250, Offset.offset(1e-9));
        assertThat(ChartAxis.linear(0, 10, 100, 200).pixel(40)).isEqualTo(200);
        // log: 10 is half way from 1 to 100
        assertThat(ChartAxis.logarithmic(1, 100, 0, 200).pixel(10)).isCloseTo(100, Offset.offset(1e-9));
    }
}
