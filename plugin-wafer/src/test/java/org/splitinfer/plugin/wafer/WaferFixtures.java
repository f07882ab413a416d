package org.splitinfer.plugin.wafer;

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

/** Hand-picked round-number wafer sheets, and a fake host context, for the tests. */
final class WaferFixtures {

    static final String RESOURCE = "test/wafer-fixture.yaml";
    static final Source SOURCE = new Source("fixture", "Round numbers chosen for hand arithmetic", null, "2025",
            "every figure of the test wafers");

    private WaferFixtures() {
    }

    /**
     * The test wafer's figures. Effective rates: fp16 10e15 × 0.5 = 5e15 FLOP/s; SRAM 20e15 × 0.5 = 10e15 B/s;
     * MemoryX 100e9 × 0.8 = 80e9 B/s; system I/O 100e9 B/s with 10 µs a crossing; a mesh of 1e6 cores at 1 GHz, one
     * cycle a hop and 2 cycles of ramp, so one dependent step costs 2 × 2 + 1 = 5 cycles.
     */
    static Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.fp16", 10e15);
        figures.put("sram.capacityBytes", 40e9);
        figures.put("sram.bytesPerSecond", 20e15);
        figures.put("sram.usableFraction", 1.0);
        figures.put("external.capacityBytes", 1e12);
        figures.put("external.bytesPerSecond", 100e9);
        figures.put("compute.achievableFraction", 0.5);
        figures.put("sram.achievableFraction", 0.5);
        figures.put("external.achievableFraction", 0.8);
        figures.put("fabric.cores", 1e6);
        figures.put("fabric.clockHertz", 1e9);
        figures.put("fabric.hopCycles", 1.0);
        figures.put("fabric.rampCycles", 2.0);
        figures.put("systemIo.bytesPerSecond", 100e9);
        figures.put("scaleOut.latencySeconds", 10e-6);
        figures.put("power.peakWatts", 15_000.0);
        figures.put("power.idleWatts", 5_000.0);
        figures.put("node.overheadWattsPerChip", 8_000.0);
        return figures;
    }

    static AcceleratorSheet chipSheet(String id, Map<String, Double> values) {
        List<Figure> figures = new ArrayList<>();
        values.forEach((name, value) -> figures.add(Figure.sourced(name, value, SOURCE.id())));
        return new AcceleratorSheet(RESOURCE, id, "Test Vendor", "Test wafer " + id, Status.SHIPPING, figures);
    }

    static HardwareSheet sheet(AcceleratorSheet... chips) {
        return new HardwareSheet(RESOURCE, Family.WAFER, List.of(SOURCE), List.of(chips));
    }

    static Accelerator accelerator(Map<String, Double> values) {
        return WaferPlugin.accelerators(sheet(chipSheet("test-wafer", values))).get(0);
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

    static Kernel gemm(String name, long count, double flops, OperandBytes read, OperandBytes written) {
        return new Kernel(name, KernelKind.GEMM, count, flops, Precision.FP16, read, written,
                new GemmShape(1, 8192, 8192));
    }

    static Step decodeStep(List<Kernel> kernels, Residency residency, int wafers, int layersPerWafer) {
        return new Step(Phase.DECODE, kernels, residency, new ParallelLayout(1, wafers, 1, 1), layersPerWafer, 1);
    }
}
