package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridAxisTest {

    @Test
    void everyValueFindsTheCellThatStartsAtOrBeforeIt() {
        // Irregular spacing, cells of width 1 beside a cell of 1000.
        long[] nodes = {0, 1, 2, 3, 5, 8, 13, 21, 1021, 1022, 1030, 4096};
        GridAxis axis = new GridAxis(nodes);
        for (long value = 0; value <= 4096; value++) {
            int cell = axis.cell(value);
            assertThat(nodes[cell]).as("value %d", value).isLessThanOrEqualTo(value);
            assertThat(nodes[cell + 1]).as("value %d", value).isGreaterThanOrEqualTo(value);
            if (value < 4096) {
                assertThat(nodes[cell + 1]).as("an inner node starts its own cell: %d", value).isGreaterThan(value);
            }
        }
        assertThat(axis.cell(4096)).isEqualTo(nodes.length - 2);
    }

    @Test
    void aFineCellOnALongAxisWidensTheBucketsButNotTheAnswer() {
        // Cells of width 1 over a span of 1,000,000 would need a million buckets; the map stops at 4096 and a lookup
        // walks the cells of its bucket.
        long[] nodes = {10, 11, 12, 500_000, 500_001, 1_000_010};
        GridAxis axis = new GridAxis(nodes);
        for (long value : new long[] {10, 11, 12, 13, 499_999, 500_000, 500_001, 500_002, 1_000_010}) {
            int cell = axis.cell(value);
            assertThat(nodes[cell]).as("value %d", value).isLessThanOrEqualTo(value);
            assertThat(nodes[cell + 1]).as("value %d", value).isGreaterThanOrEqualTo(value);
        }
        assertThat(axis.sizeBytes()).isLessThanOrEqualTo(8L * 6 + 8L * 5 + 4L * GridAxis.MAX_BUCKETS);
    }

    @Test
    void theFractionIsTheDistanceIntoTheCell() {
        GridAxis axis = new GridAxis(new long[] {0, 8, 12});
        // 6 is 6/8 of the way through [0, 8]; 9 is 1/4 of the way through [8, 12].
        assertThat(axis.fraction(axis.cell(6), 6)).isEqualTo(0.75);
        assertThat(axis.fraction(axis.cell(9), 9)).isEqualTo(0.25);
        assertThat(axis.fraction(axis.cell(8), 8)).isZero();
    }

    @Test
    void nodesMustIncrease() {
        assertThatThrownBy(() -> new GridAxis(new long[] {0, 4, 4}))
                .hasMessage("grid nodes must increase, got 4 then 4");
        assertThatThrownBy(() -> new GridAxis(new long[] {0}))
                .hasMessage("a grid axis needs at least two nodes, got 1");
    }
}
