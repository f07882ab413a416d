package org.splitinfer.plugin.lpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Phase;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Source;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.Step;

/** Hand-picked round-number LPU sheets, and a fake host context, for the tests. */
final class LpuFixtures {

    static final String RESOURCE = "test/lpu-fixture.yaml";
    static final Source SOURCE = new Source("fixture", "Round numbers chosen for hand arithmetic", null, "2025",
            "every figure of the test chips");

    private LpuFixtures() {
    }

    /**
     * The test chip's figures. Effective rates: fp16 100e12 × 0.5 = 50e12 FLOP/s, int8 400e12 × 0.5 = 200e12,
     * SRAM 100e12 × 0.8 = 80e12 B/s; one link 10e9 B/s, four links; hop 1 µs, layer schedule 2 µs. No SRAM kept for
     * programs or activations. Topology: nodes of 4 chips, racks of 2 nodes (8 chips, the scale-up domain); 1 hop
     * within a node, 3 within a rack, 5 across racks.
     */
    static Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.fp16", 100e12);
        figures.put("peak.flopsPerSecond.int8", 400e12);
        figures.put("sram.capacityBytes", 200e6);
        figures.put("sram.bytesPerSecond", 100e12);
        figures.put("sram.programFraction", 0.0);
        figures.put("sram.activationFraction", 0.0);
        figures.put("compute.achievableFraction", 0.5);
        figures.put("sram.achievableFraction", 0.8);
        figures.put("chipLink.count", 4.0);
        figures.put("chipLink.bytesPerSecond", 10e9);
        figures.put("hop.latencySeconds", 1e-6);
        figures.put("layer.scheduleSeconds", 2e-6);
        figures.put("scaleUp.domainChips", 8.0);
        figures.put("node.chips", 4.0);
        figures.put("rack.nodes", 2.0);
        figures.put("node.hops", 1.0);
        figures.put("rack.hops", 3.0);
        figures.put("system.hops", 5.0);
        figures.put("power.peakWatts", 300.0);
        figures.put("power.idleWatts", 100.0);
        figures.put("node.overheadWattsPerChip", 50.0);
        return figures;
    }

    static AcceleratorSheet chipSheet(String id, Map<String, Double> values) {
        List<Figure> figures = new ArrayList<>();
        values.forEach((name, value) -> figures.add(Figure.sourced(name, value, SOURCE.id())));
        return new AcceleratorSheet(RESOURCE, id, "Test Vendor", "Test LPU " + id, Status.SHIPPING, figures);
    }

    static HardwareSheet sheet(AcceleratorSheet... chips) {
        return new HardwareSheet(RESOURCE, Family.LPU, List.of(SOURCE), List.of(chips));
    }

    static Accelerator accelerator(Map<String, Double> values) {
        return LpuPlugin.accelerators(sheet(chipSheet("test-lpu", values))).get(0);
    }

    static Accelerator accelerator() {
        return accelerator(figures());
    }

    /** A host that hands out one sheet and remembers what it was asked for. */
    static final class FakeContext implements ProviderContext {
        final HardwareSheet sheet;
        final List<String> asked = new ArrayList<>();

        FakeContext(HardwareSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public HardwareSheet sheet(String resourceName) {
            asked.add(resourceName);
            return sheet;
        }
    }

    static Kernel gemm(String name, long count, double flops, Precision precision, OperandBytes read,
                       OperandBytes written) {
        return new Kernel(name, KernelKind.GEMM, count, flops, precision, read, written, new GemmShape(1, 8192, 8192));
    }

    static Step decodeStep(List<Kernel> kernels, int stages, int layersPerChip) {
        return new Step(Phase.DECODE, kernels, Residency.allIn("sram"), new ParallelLayout(1, stages, 1, 1),
                layersPerChip, 1);
    }
}
