package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The mesh's collectives in cycles, on the fixture's fabric: one cycle a hop, 2 cycles of ramp, 1 GHz. */
class WaferFabricTest {

    private final WaferFabric fabric = new WaferFabric(1e6, 1e9, 1, 2);

    @Test
    void aDependentStepIsARoundTripThroughTheRampAndOneCycleOfWork() {
        // 2 × 2 + 1
        assertThat(fabric.dependentStepCycles()).isEqualTo(5);
    }

    @Test
    void aBroadcastCrossesTheSideOnceAndStreamsItsWavelets() {
        // 100 hops + 10 wavelets + one dependent step of 5 = 115 cycles
        assertThat(fabric.broadcastCycles(101, 10)).isEqualTo(115);
        // 115 cycles at 1 GHz
        assertThat(fabric.seconds(fabric.broadcastCycles(101, 10))).isCloseTo(115e-9, within(1e-18));
    }

    @Test
    void aReductionPaysOneDependentStepPerLevelOfItsTree() {
        // 100 hops + 10 wavelets + 5 × log2 101 = 5 × 6.658211 = 33.291057 → 143.291057 cycles
        assertThat(fabric.reduceCycles(101, 10)).isCloseTo(143.291057, within(1e-6));
        // a longer side: 999 hops + 5 × log2 1,000 = 5 × 9.965784 = 49.828921 → 1,048.828921 cycles
        assertThat(fabric.reduceCycles(1000, 0)).isCloseTo(1048.828921, within(1e-6));
    }

    @Test
    void treeDepthIsTheBinaryLogarithmUnrounded() {
        assertThat(WaferFabric.treeDepth(1)).isZero();
        assertThat(WaferFabric.treeDepth(2)).isEqualTo(1);
        assertThat(WaferFabric.treeDepth(4)).isEqualTo(2);
        // log2 5 = 2.321928: no jump of a whole level between 4 and 5 cores
        assertThat(WaferFabric.treeDepth(5)).isCloseTo(2.321928, within(1e-6));
    }

    @Test
    void slowerHopsAndRampsCostMore() {
        WaferFabric slow = new WaferFabric(1e6, 1e9, 2, 3);
        // 100 × 2 + 10 + (2 × 3 + 1) × 6.6582114 = 200 + 10 + 46.6074804 = 256.6074804 cycles
        assertThat(slow.reduceCycles(101, 10)).isCloseTo(256.6074804, within(1e-6));
    }
}
