package org.splitinfer.plugin.rdu;

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

/** Hand-picked round figures of an SN40L-like socket, independent of the shipped sheet. */
final class RduFixtures {
    static final String RESOURCE = "test-rdu.yaml";

    private RduFixtures() {
    }

    static Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.bf16", 638e12);
        figures.put("sram.capacityBytes", 520e6);
        figures.put("sram.bytesPerSecond", 100e12);
        figures.put("hbm.capacityBytes", 64e9);
        figures.put("hbm.bytesPerSecond", 1.6e12);
        figures.put("hbm.usableFraction", 0.9);
        figures.put("ddr.capacityBytes", 1.5e12);
        figures.put("ddr.bytesPerSecond", 100e9);
        figures.put("scaleUp.domainChips", 16.0);
        figures.put("scaleUp.bytesPerSecond", 100e9);
        figures.put("scaleUp.latencySeconds", 2e-6);
        figures.put("scaleOut.bytesPerSecond", 25e9);
        figures.put("scaleOut.latencySeconds", 5e-6);
        figures.put("dataflow.stageSwitchSeconds", 20e-6);
        figures.put("power.peakWatts", 600.0);
        figures.put("power.idleWatts", 150.0);
        figures.put("node.overheadWattsPerChip", 100.0);
        return figures;
    }

    static AcceleratorSheet sheet(Map<String, Double> values) {
        List<Figure> figures = new ArrayList<>();
        values.forEach((name, value) -> figures.add(Figure.assumed(name, value, "test fixture")));
        return new AcceleratorSheet(RESOURCE, "sambanova-sn40l", "SambaNova", "SN40L (fixture)", Status.SHIPPING,
                figures);
    }

    static RduAccelerator socket() {
        return socket(figures());
    }

    static RduAccelerator socket(Map<String, Double> values) {
        HardwareSheet sheet = hardwareSheet(values);
        return RduAccelerator.fromSheet(sheet.spec(sheet.accelerators().get(0)), sheet.accelerators().get(0));
    }

    static HardwareSheet hardwareSheet(Map<String, Double> values) {
        return new HardwareSheet(RESOURCE, Family.RDU, List.of(), List.of(sheet(values)));
    }

    static ProviderContext context(HardwareSheet sheet) {
        return resourceName -> {
            if (!resourceName.equals(RduPlugin.SHEET)) {
                throw new AssertionError("unexpected sheet " + resourceName);
            }
            return sheet;
        };
    }

    /** A GEMM that reads {@code weightBytes} of weights once and does {@code flops} operations. */
    static Kernel gemm(String name, double flops, double weightBytes, Precision precision) {
        return new Kernel(name, KernelKind.GEMM, 1, flops, precision, new OperandBytes(weightBytes, 0, 0),
                OperandBytes.NONE, new GemmShape(1, 1, 1));
    }
}
