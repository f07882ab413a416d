package org.splitinfer.plugin.riscv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.Status;

/** Hand-picked round figures of a Galaxy-like Wormhole chip, independent of the shipped sheet. */
final class RiscvFixtures {
    static final String RESOURCE = "test-riscv.yaml";

    private RiscvFixtures() {
    }

    static Map<String, Double> galaxyChip() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.bfp8", 150e12);
        figures.put("peak.flopsPerSecond.bfp4", 300e12);
        figures.put("peak.flopsPerSecond.bf16", 75e12);
        figures.put("tensix.cores", 80.0);
        figures.put("tensix.l1BytesPerCore", 1.5e6);
        figures.put("sram.bytesPerSecond", 20e12);
        figures.put("gddr.capacityBytes", 12e9);
        figures.put("gddr.bytesPerSecond", 300e9);
        figures.put("gddr.usableFraction", 0.9);
        figures.put("kernel.launchSeconds", 10e-6);
        figures.put("kernel.tracedLaunchSeconds", 1e-6);
        figures.put("mesh.rows", 4.0);
        figures.put("mesh.columns", 8.0);
        figures.put("ethernet.links", 16.0);
        figures.put("ethernet.bytesPerSecond", 12.5e9);
        figures.put("ethernet.hopLatencySeconds", 1e-6);
        figures.put("scaleOut.bytesPerSecond", 50e9);
        figures.put("scaleOut.latencySeconds", 2e-6);
        figures.put("power.peakWatts", 200.0);
        figures.put("power.idleWatts", 50.0);
        figures.put("node.overheadWattsPerChip", 30.0);
        return figures;
    }

    static AcceleratorSheet sheet(String id, Map<String, Double> values) {
        List<Figure> figures = new ArrayList<>();
        values.forEach((name, value) -> figures.add(Figure.assumed(name, value, "test fixture")));
        return new AcceleratorSheet(RESOURCE, id, "Tenstorrent", id + " (fixture)", Status.SHIPPING, figures);
    }

    static RiscvAccelerator chip(Map<String, Double> values) {
        HardwareSheet sheet = new HardwareSheet(RESOURCE, Family.RISCV, List.of(),
                List.of(sheet("tt-wormhole-galaxy", values)));
        return RiscvAccelerator.fromSheet(sheet.spec(sheet.accelerators().get(0)), sheet.accelerators().get(0));
    }

    static ProviderContext context(HardwareSheet sheet) {
        return resourceName -> {
            if (!resourceName.equals(RiscvPlugin.SHEET)) {
                throw new AssertionError("unexpected sheet " + resourceName);
            }
            return sheet;
        };
    }

    static Kernel gemm(double flops, double weightBytes, Precision precision) {
        return new Kernel("gemm", KernelKind.GEMM, 1, flops, precision, new OperandBytes(weightBytes, 0, 0),
                OperandBytes.NONE, new GemmShape(1, 1, 1));
    }
}
