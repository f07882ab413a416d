package org.splitinfer.core.report;

import java.util.List;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Source;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.TierUsage;

/**
 * A hand-written chip with round figures for roofline tests: 1e15 FLOP/s in bf16, one HBM tier of
 * {@code capacityBytes} at 2e12 B/s with 90% usable, time = max(FLOPs ÷ peak, bytes ÷ bandwidth).
 *
 * @param id            the chip's id
 * @param capacityBytes its memory
 */
record SmallChip(String id, double capacityBytes) implements Accelerator, Roofline, MemoryModel, Interconnect,
        PowerModel {
    static final double PEAK = 1e15;
    static final double BANDWIDTH = 2e12;

    @Override
    public AcceleratorSpec spec() {
        return new AcceleratorSpec(id, Family.GPU, "Test", id, Status.SHIPPING,
                List.of(new Source("test", "round numbers for hand-checked tests", null, "2026", "everything")),
                List.of());
    }

    @Override
    public Roofline roofline() {
        return this;
    }

    @Override
    public MemoryModel memory() {
        return this;
    }

    @Override
    public Interconnect interconnect() {
        return this;
    }

    @Override
    public PowerModel power() {
        return this;
    }

    @Override
    public List<Precision> computePrecisions() {
        return List.of(Precision.BF16);
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return PEAK;
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return kernel.count() * Math.max(kernel.flops() / PEAK, kernel.bytesMoved().total() / BANDWIDTH);
    }

    @Override
    public List<MemoryTier> tiers() {
        return List.of(new MemoryTier("hbm", capacityBytes, BANDWIDTH, true, 0.9));
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        double perChip = footprint.totalBytes() / chips;
        return new Placement("full-speed", chips, List.of(new TierUsage("hbm", Math.min(perChip, capacityBytes), 0, 0)),
                perChip <= capacityBytes * 0.9, 0, Residency.allIn("hbm"), "test");
    }

    @Override
    public int scaleUpDomainChips() {
        return 8;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return 1e11;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return 5e10;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        return 0;
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        return bytes / 5e10;
    }

    @Override
    public double idleWatts() {
        return 100;
    }

    @Override
    public double peakWatts() {
        return 700;
    }

    @Override
    public double nodeOverheadWattsPerChip() {
        return 300;
    }
}
