package org.splitinfer.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepCostGridTest {

    private static StepCost cost(double latencySeconds, double intervalSeconds) {
        return new StepCost(null, 0, 0, 0, 0, latencySeconds, intervalSeconds);
    }

    @Test
    void bilinearInterpolationByHand() {
        // f(0,0) = 1, f(0,100) = 3, f(10,0) = 2, f(10,100) = 8. At (5, 50): along x on y = 0, 1 + 0.5 × (2 − 1) = 1.5;
        // on y = 100, 3 + 0.5 × (8 − 3) = 5.5; along y, 1.5 + 0.5 × (5.5 − 1.5) = 3.5.
        // At (2, 75): 1 + 0.2 × 1 = 1.2 and 3 + 0.2 × 5 = 4; 1.2 + 0.75 × 2.8 = 3.3.
        StepCostGrid grid = new StepCostGrid(new GridAxis(new long[] {0, 10}), new GridAxis(new long[] {0, 100}),
                new double[] {1, 3, 2, 8}, new double[] {0.5, 1.5, 1, 4});
        assertThat(grid.latencySeconds(5, 50)).isEqualTo(3.5);
        assertThat(grid.latencySeconds(2, 75)).isCloseTo(3.3, within(1e-15));
        assertThat(grid.intervalSeconds(5, 50)).isEqualTo(1.75);
        assertThat(grid.latencySeconds(10, 100)).isEqualTo(8);
        // Values 2 × 4 doubles; per axis 2 nodes, 1 inverse width and 2 buckets (of 8 and of 64 integers: the largest
        // powers of two within the cells of 10 and 100, so 10 >>> 3 + 1 = 2 and 100 >>> 6 + 1 = 2 buckets).
        assertThat(grid.sizeBytes()).isEqualTo(16 * 4 + (16 + 8 + 4 * 2) + (16 + 8 + 4 * 2));
    }

    @Test
    void aCostBilinearInItsInputsNeedsNoRefinementAndIsExactEverywhere() {
        // latency = 1e-3 + 2e-5·b + 3e-8·c + 4e-9·b·c: decode attention's b × c term plus linear terms.
        GridFunction bilinear = (b, c) -> cost(1e-3 + 2e-5 * b + 3e-8 * c + 4e-9 * b * c, 1e-3 + 2e-5 * b);
        StepCostGrid grid = new StepCostGridBuilder("test", bilinear, 1, 256, 16, 0, 131_072, 0.0025).build();
        // 16 dense batches, then every 8th to 256 (spacing 255 ÷ 16 → 8): 16 + 30 + 1 = 47 nodes; contexts every 8192.
        assertThat(grid.xNodes()).isEqualTo(47);
        assertThat(grid.yNodes()).isEqualTo(17);
        for (int b = 1; b <= 256; b += 3) {
            for (long c = 0; c <= 131_072; c += 1009) {
                assertThat(grid.latencySeconds(b, c)).isCloseTo(bilinear.at(b, c).latencySeconds(), within(1e-15));
            }
        }
    }

    @Test
    void aSawtoothIsCutAtEveryToothLargerThanTheTolerance() {
        // Rises by 1% of its base per step and drops 5% every 17 steps, like MoE rows per expert on a GPU.
        GridFunction sawtooth = (x, y) -> cost(1 + 0.01 * (x % 17), 1);
        StepCostGridBuilder builder = new StepCostGridBuilder("test", sawtooth, 1, 1000, 16, 0, 0, 0.0025);
        StepCostGrid grid = builder.build();
        for (int x = 1; x <= 1000; x++) {
            assertThat(grid.latencySeconds(x, 0)).as("x %d", x)
                    .isCloseTo(sawtooth.at(x, 0).latencySeconds(), within(0.0025 * 1.17));
        }
    }

    @Test
    void aCostThatNeverSettlesIsRefusedNotTabulated() {
        // Noise of ±5% on every integer: no grid smaller than every integer is within 0.25%, and 20,000 integers
        // exceed the 8192 nodes an axis may have.
        GridFunction noise = (x, y) -> cost(1 + 0.05 * Long.hashCode(x * 0x9E3779B97F4A7C15L) / Integer.MAX_VALUE, 1);
        assertThatThrownBy(() -> new StepCostGridBuilder("noise", noise, 1, 20_000, 16, 0, 0, 0.0025).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the step cost of noise bends too often to tabulate within 0.0025 (");
    }
}
