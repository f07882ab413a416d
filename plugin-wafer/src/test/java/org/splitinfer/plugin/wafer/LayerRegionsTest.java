package org.splitinfer.plugin.wafer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitinfer.spi.ElementwiseShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Step;

/** Where a step's work sits on the fixture wafer (1e6 cores). */
class LayerRegionsTest {

    private static final Residency ON_WAFER = Residency.allIn("sram");

    private final WaferRoofline roofline = (WaferRoofline) WaferFixtures.accelerator().roofline();

    private static Kernel gemm(String name, long count, double weightBytes) {
        return WaferFixtures.gemm(name, count, 1e6, new OperandBytes(weightBytes, 0, 1_000),
                new OperandBytes(0, 0, 1_000));
    }

    @Test
    void regionsAreSizedByTheBytesTheyHold() {
        // 8 layers of 1e9 B and a head of 2e9 B: 8e9 + 2e9 = 1e10 B held
        Step step = WaferFixtures.decodeStep(List.of(gemm("layer", 8, 1e9), gemm("lm_head", 1, 2e9)), ON_WAFER, 1, 8);
        LayerRegions regions = roofline.regions(step);
        // a layer: 1e9 ÷ 1e10 = 0.1 of the wafer, 100,000 cores, 316.23 a side; the head 0.2, 447.21 a side
        assertThat(regions.layerRegions()).isEqualTo(8);
        assertThat(regions.share(0)).isCloseTo(0.1, within(1e-12));
        assertThat(regions.side(0)).isCloseTo(316.2278, within(1e-4));
        assertThat(regions.share(1)).isCloseTo(0.2, within(1e-12));
        assertThat(regions.side(1)).isCloseTo(447.2136, within(1e-4));
    }

    @Test
    void theKvCacheARegionReadsIsHeldThereToo() {
        // 4 layers of 1e9 B of weights and 1e9 B of KV cache: all layer regions, a quarter each
        Kernel layer = WaferFixtures.gemm("layer", 4, 1e6, new OperandBytes(1e9, 0, 0), OperandBytes.NONE);
        Kernel attention = new Kernel("attention", KernelKind.ATTENTION, 4, 1e6, Precision.FP16,
                new OperandBytes(0, 1e9, 0), OperandBytes.NONE, new ElementwiseShape(1));
        Kernel head = gemm("lm_head", 1, 2e9);
        LayerRegions regions = roofline.regions(
                WaferFixtures.decodeStep(List.of(layer, attention, head), ON_WAFER, 1, 4));
        // held: 4 × (1e9 + 1e9) + 2e9 = 1e10 B; a layer 2e9 ÷ 1e10 = 0.2, the head 0.2
        assertThat(regions.share(0)).isCloseTo(0.2, within(1e-12));
        assertThat(regions.share(1)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aRegionHoldingAlmostNothingStillHasACore() {
        // a final norm of 8 B beside 2 layers of 1e9 B: one core's worth is (2e9 + 8) ÷ 1e6 = 2,000.000008 B, so
        // the norm's region is taken to hold that: 2,000.000008 ÷ (2e9 + 2,000.000008) of the wafer, one core
        Kernel norm = new Kernel("final_norm", KernelKind.NORM, 1, 1, Precision.FP16,
                new OperandBytes(8, 0, 8), new OperandBytes(0, 0, 8), new ElementwiseShape(4));
        LayerRegions regions = roofline.regions(
                WaferFixtures.decodeStep(List.of(gemm("layer", 2, 1e9), norm), ON_WAFER, 1, 2));
        assertThat(regions.share(1)).isCloseTo(2_000.000008 / (2e9 + 2_000.000008), within(1e-18));
        assertThat(regions.side(1)).isEqualTo(1.0);
    }

    @Test
    void withNothingHeldTheRegionsShareTheWaferEqually() {
        // 4 layers of element-wise work, holding no weights or KV cache: four layer regions, a quarter each
        Kernel add = new Kernel("residual_add", KernelKind.ELEMENTWISE, 8, 1e3, Precision.FP16,
                new OperandBytes(0, 0, 1e3), new OperandBytes(0, 0, 1e3), new ElementwiseShape(500));
        LayerRegions regions = roofline.regions(WaferFixtures.decodeStep(List.of(add), ON_WAFER, 1, 4));
        assertThat(regions.share(0)).isCloseTo(0.25, within(1e-12));
        assertThat(regions.side(0)).isCloseTo(500, within(1e-9));
    }

    @Test
    void withTheWeightsInMemoryXEveryRegionIsTheWholeWaferInTurn() {
        Step step = WaferFixtures.decodeStep(List.of(gemm("layer", 8, 1e9), gemm("lm_head", 1, 2e9)),
                new Residency("external", "sram", "sram"), 1, 8);
        LayerRegions regions = roofline.regions(step);
        assertThat(regions.timeShared()).isTrue();
        assertThat(regions.share(0)).isEqualTo(1.0);
        assertThat(regions.side(1)).isCloseTo(1000, within(1e-9));
        // taking turns, the busiest region is held for the whole path
        assertThat(regions.slowestSeconds(1)).isEqualTo(regions.pathSeconds(1));
    }
}
