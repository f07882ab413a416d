package org.splitinfer.plugin.optical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.Status;

/** Hand-picked round figures of a Lumai-like part, independent of the shipped sheet. */
final class OpticalFixtures {
    static final String RESOURCE = "test-optical.yaml";

    private OpticalFixtures() {
    }

    static Map<String, Double> lumaiLike() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("peak.flopsPerSecond.int8", 1e18);
        figures.put("peak.flopsPerSecond.int4", 2e18);
        figures.put("power.peakWatts", 1e4);
        figures.put("power.idleWatts", 2.5e3);
        figures.put("node.overheadWattsPerChip", 1e3);
        figures.put("hbm.capacityBytes", 288e9);
        figures.put("hbm.bytesPerSecond", 8e12);
        figures.put("hbm.usableFraction", 0.9);
        figures.put("hbm.joulesPerByte", 30e-12);
        figures.put("sram.capacityBytes", 256e6);
        figures.put("sram.bytesPerSecond", 1e16);
        figures.put("sram.joulesPerByte", 1e-12);
        figures.put("conversion.vectorElements", 1024.0);
        figures.put("conversion.secondsPerVector", 1e-12);
        figures.put("conversion.joulesPerVector", 1e-9);
        figures.put("opticalMatrix.rows", 1024.0);
        figures.put("opticalMatrix.columns", 1024.0);
        figures.put("opticalMatrix.count", 64.0);
        figures.put("opticalMatrix.loadSeconds", 1e-6);
        figures.put("scaleUp.domainChips", 1.0);
        figures.put("scaleUp.bytesPerSecond", 400e9);
        figures.put("scaleUp.latencySeconds", 2e-6);
        figures.put("scaleOut.bytesPerSecond", 100e9);
        figures.put("scaleOut.latencySeconds", 5e-6);
        return figures;
    }

    static AcceleratorSheet sheet(String id, Status status, Map<String, Double> values) {
        List<Figure> figures = new ArrayList<>();
        values.forEach((name, value) -> figures.add(Figure.assumed(name, value, "test fixture")));
        return new AcceleratorSheet(RESOURCE, id, "Lumai", id + " (fixture)", status, figures);
    }

    static OpticalAccelerator chip(Map<String, Double> values) {
        HardwareSheet sheet = new HardwareSheet(RESOURCE, Family.OPTICAL, List.of(),
                List.of(sheet("lumai-tetra-2029", Status.PROJECTED, values)));
        return OpticalAccelerator.fromSheet(sheet.spec(sheet.accelerators().get(0)), sheet.accelerators().get(0));
    }

    static ProviderContext context(HardwareSheet sheet) {
        return resourceName -> {
            if (!resourceName.equals(OpticalPlugin.SHEET)) {
                throw new AssertionError("unexpected sheet " + resourceName);
            }
            return sheet;
        };
    }
}
