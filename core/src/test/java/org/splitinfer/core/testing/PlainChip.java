package org.splitinfer.core.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
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
import org.splitinfer.spi.Step;
import org.splitinfer.spi.StepTiming;
import org.splitinfer.spi.TierUsage;

/**
 * A chip with round figures for hand-checked tests: the plain roofline, {@code max(FLOPs ÷ 1e15, bytes ÷ 3e12)} per
 * kernel, one tier of HBM (80 GB unless told), ring collectives over 50 GB/s links with 1 µs per step. It counts the
 * steps it prices, so a table's builds are visible as costings.
 */
public final class PlainChip implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
    private final AtomicInteger steps = new AtomicInteger();
    private final String id;
    private final double capacityBytes;

    /** The 80 GB chip called {@code plain}. */
    public PlainChip() {
        this("plain", 80e9);
    }

    /**
     * @param id            the chip's id, as messages name it
     * @param capacityBytes its HBM
     */
    public PlainChip(String id, double capacityBytes) {
        this.id = id;
        this.capacityBytes = capacityBytes;
    }

    /** @return steps priced so far, by any thread */
    public int steps() {
        return steps.get();
    }

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
        return 1e15;
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return kernel.count() * Math.max(kernel.flops() / 1e15, kernel.bytesMoved().total() / 3e12);
    }

    @Override
    public StepTiming stepTiming(Step step) {
        steps.incrementAndGet();
        return Roofline.super.stepTiming(step);
    }

    @Override
    public List<MemoryTier> tiers() {
        return List.of(new MemoryTier("hbm", capacityBytes, 3e12, true, 1.0));
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        double perChip = footprint.totalBytes() / chips;
        return new Placement("full-speed", chips, List.of(new TierUsage("hbm", Math.min(perChip, capacityBytes), 0, 0)),
                perChip <= capacityBytes, 0, Residency.allIn("hbm"), "test");
    }

    @Override
    public int scaleUpDomainChips() {
        return 8;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return 50e9;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return 50e9;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int n = collective.participants();
        if (n == 1) {
            return 0;
        }
        double ringSteps = collective.kind().equals(CollectiveKind.ALL_REDUCE) ? 2.0 * (n - 1) : n - 1;
        return collective.count() * (ringSteps / n * collective.bytes() / 50e9 + ringSteps * 1e-6);
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        return 1e-6 + bytes / 50e9;
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
        return 0;
    }
}
