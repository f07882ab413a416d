package org.splitinfer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelLayoutTest {
    private static final LabelLayout.Box PLOT = new LabelLayout.Box(0, 0, 500, 400);

    @Test
    void twentyLabelsOfOneSpotAllFindRoomInsideThePlotWithoutOverlapping() {
        LabelLayout layout = new LabelLayout(PLOT, 11);
        layout.blockPoint(250, 200, 5);
        List<LabelLayout.Placed> placed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            placed.add(layout.place(250, 200, 5, "kernel_" + i));
        }

        for (int i = 0; i < placed.size(); i++) {
            assertThat(placed.get(i).box().inside(PLOT)).isTrue();
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).box().overlaps(placed.get(j).box())).as("%d and %d", i, j).isFalse();
            }
        }
    }

    @Test
    void theFirstLabelSitsRightOfItsPointWithAShortLeader() {
        LabelLayout layout = new LabelLayout(PLOT, 10);
        layout.blockPoint(100, 100, 4);

        LabelLayout.Placed placed = layout.place(100, 100, 4, "a");

        // right of the point's edge (100 + 4) by the first gap, 4 px; the leader runs from the edge to the box
        assertThat(placed.box().left()).isEqualTo(108);
        assertThat(placed.leaderX1()).isEqualTo(104);
        assertThat(placed.leaderX2()).isEqualTo(108);
        assertThat(placed.leaderY1()).isEqualTo(100);
    }

    @Test
    void aLabelNeverLiesAcrossALineOfTheChart() {
        LabelLayout layout = new LabelLayout(PLOT, 10);
        // a roof just right of the point, where the first label would go
        layout.blockLine(105, 90, 105, 110);
        layout.blockPoint(100, 100, 4);

        LabelLayout.Placed placed = layout.place(100, 100, 4, "label");

        assertThat(placed.box().crossedBy(105, 90, 105, 110)).isFalse();
    }
}
