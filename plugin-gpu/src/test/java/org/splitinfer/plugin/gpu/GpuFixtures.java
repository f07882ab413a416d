package org.splitinfer.plugin.gpu;

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
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.Status;

/** Hand-picked round-number chips and kernels for the GPU family's tests. */
final class GpuFixtures {
    static final String RESOURCE = "test/gpu-hardware.yaml";

    private GpuFixtures() {
    }

    /**
     * A GPU with round figures: 1 PFLOP/s bf16 and fp16, 2 PFLOP/s fp8; 80 GB HBM at 2.5 TB/s of which 0.8 is
     * reached (2 TB/s effective), 0.9 usable (72 GB); 2 µs launch; GEMM ceiling 0.8, half at 64 tokens; attention
     * ceiling 0.5, half at 128 rows; 100 TFLOP/s vector; 8-chip domain at 500 GB/s × 0.8 = 400 GB/s, 1 µs per step;
     * scale-out 50 GB/s, 5 µs; 100 W idle, 700 W peak, 300 W node share; 2.5 $/h.
     */
    static Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("peak.flopsPerSecond.bf16", 1e15);
        f.put("peak.flopsPerSecond.fp16", 1e15);
        f.put("peak.flopsPerSecond.fp8", 2e15);
        f.put("hbm.capacityBytes", 80e9);
        f.put("hbm.bytesPerSecond", 2.5e12);
        f.put("hbm.usableFraction", 0.9);
        f.put("efficiency.hbmBandwidth", 0.8);
        f.put("kernel.launchSeconds", 2e-6);
        f.put("efficiency.gemmCeiling", 0.8);
        f.put("efficiency.gemmHalfTokens", 64.0);
        f.put("efficiency.attentionCeiling", 0.5);
        f.put("efficiency.attentionHalfTokens", 128.0);
        f.put("vector.flopsPerSecond", 1e14);
        f.put("scaleUp.domainChips", 8.0);
        f.put("scaleUp.bytesPerSecond", 500e9);
        f.put("efficiency.scaleUpBandwidth", 0.8);
        f.put("scaleUp.latencySeconds", 1e-6);
        f.put("scaleOut.bytesPerSecond", 50e9);
        f.put("scaleOut.latencySeconds", 5e-6);
        f.put("power.idleWatts", 100.0);
        f.put("power.peakWatts", 700.0);
        f.put("node.overheadWattsPerChip", 300.0);
        f.put("price.usdPerChipHour", 2.5);
        return f;
    }

    /**
     * The same chip with a host tier: 240 GB at 250 GB/s × 0.8 = 200 GB/s effective, 0.9 usable (216 GB).
     */
    static Map<String, Double> figuresWithHost() {
        Map<String, Double> f = figures();
        f.put("host.capacityBytes", 240e9);
        f.put("host.bytesPerSecond", 250e9);
        f.put("host.usableFraction", 0.9);
        f.put("efficiency.hostBandwidth", 0.8);
        return f;
    }

    static AcceleratorSheet sheet(String id, Map<String, Double> figures) {
        List<Figure> list = new ArrayList<>();
        figures.forEach((name, value) -> list.add(Figure.assumed(name, value, "test fixture")));
        return new AcceleratorSheet(RESOURCE, id, "Test", "Test " + id, Status.SHIPPING, list);
    }

    static ProviderContext context(AcceleratorSheet... chips) {
        HardwareSheet sheet = new HardwareSheet(RESOURCE, Family.GPU, List.of(), List.of(chips));
        return new FakeContext(sheet);
    }

    static Accelerator chip(String id, Map<String, Double> figures) {
        return new GpuPlugin().accelerators(context(sheet(id, figures))).get(0);
    }

    static Accelerator chip() {
        return chip("test-gpu", figures());
    }

    /**
     * A GEMM of m × n × k in a 2-byte format: reads n·k weight bytes and m·k activation bytes, writes m·n.
     */
    static Kernel gemm(long m, long n, long k, Precision precision) {
        double bytesPerElement = precision.bytesPerElement();
        return new Kernel("gemm", KernelKind.GEMM, 1, 2.0 * m * n * k, precision,
                new OperandBytes(n * k * bytesPerElement, 0, m * k * bytesPerElement),
                new OperandBytes(0, 0, m * n * bytesPerElement), new GemmShape(m, n, k));
    }

    /** Hands the plugin a sheet built in Java, as the host would after parsing YAML. */
    static final class FakeContext implements ProviderContext {
        private final HardwareSheet sheet;
        private final List<String> asked = new ArrayList<>();

        FakeContext(HardwareSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public HardwareSheet sheet(String resourceName) {
            asked.add(resourceName);
            return sheet;
        }

        List<String> asked() {
            return asked;
        }
    }
}
