package org.splitinfer.core.estimate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Source;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.TierUsage;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * A hand-written chip with round figures and the plain roofline, so estimates can be checked by hand:
 * time = max(FLOPs ÷ peak, bytes ÷ bandwidth); ring all-reduce 2(n−1)/n × bytes ÷ link + 2(n−1) × latency;
 * power linear between idle and peak; a purchase price.
 */
record FakeChip(String id, double flopsPerSecond, double capacityBytes, double bytesPerSecond,
                double linkBytesPerSecond, double linkLatencySeconds, double idleWatts, double peakWatts,
                double overheadWatts, double purchaseUsd) implements Accelerator, Roofline, MemoryModel, Interconnect,
        PowerModel {

    /** An H100-like chip: 1e15 FLOP/s in bf16/fp8, 80e9 bytes at 3e12 B/s, 50e9 B/s links with 1 µs steps. */
    static FakeChip h100Like(String id) {
        return new FakeChip(id, 1e15, 80e9, 3e12, 50e9, 1e-6, 100, 700, 300, 30_000);
    }

    FakeChip withBandwidth(double newBytesPerSecond) {
        return new FakeChip(id, flopsPerSecond, capacityBytes, newBytesPerSecond, linkBytesPerSecond,
                linkLatencySeconds, idleWatts, peakWatts, overheadWatts, purchaseUsd);
    }

    FakeChip withLinkLatency(double seconds) {
        return new FakeChip(id, flopsPerSecond, capacityBytes, bytesPerSecond, linkBytesPerSecond, seconds,
                idleWatts, peakWatts, overheadWatts, purchaseUsd);
    }

    @Override
    public AcceleratorSpec spec() {
        return new AcceleratorSpec(id, Family.GPU, "Test", id, Status.SHIPPING,
                List.of(new Source("test", "round numbers for hand-checked tests", null, "2026", "everything")),
                List.of(Figure.sourced("price.purchaseUsd", purchaseUsd, "test")));
    }

    @Override
    public Optional<Price> price() {
        return Optional.of(new Price(OptionalDouble.of(purchaseUsd), OptionalDouble.empty()));
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
        return List.of(Precision.BF16, Precision.FP8);
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        if (!computePrecisions().contains(precision)) {
            throw new UnsupportedPrecisionException(id, precision, computePrecisions());
        }
        return flopsPerSecond;
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        return kernel.count() * Math.max(kernel.flops() / peakFlopsPerSecond(kernel.precision()),
                kernel.bytesMoved().total() / bytesPerSecond);
    }

    @Override
    public List<MemoryTier> tiers() {
        return List.of(new MemoryTier("hbm", capacityBytes, bytesPerSecond, true, 0.9));
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        double perChip = footprint.totalBytes() / chips;
        double usable = capacityBytes * 0.9;
        double free = usable - (footprint.weightBytes() + footprint.activationBytes()) / chips;
        long tokens = footprint.kvBytesPerToken() == 0 || free <= 0 ? 0
                : (long) Math.floor(free / (footprint.kvBytesPerToken() / chips));
        return new Placement("full-speed", chips, List.of(new TierUsage("hbm", Math.min(perChip, capacityBytes), 0, 0)),
                perChip <= usable, tokens / chips, Residency.allIn("hbm"), "test");
    }

    @Override
    public int scaleUpDomainChips() {
        return 8;
    }

    @Override
    public double scaleUpBytesPerSecond() {
        return linkBytesPerSecond;
    }

    @Override
    public double scaleOutBytesPerSecond() {
        return linkBytesPerSecond;
    }

    @Override
    public double collectiveSeconds(Collective collective) {
        int n = collective.participants();
        if (n == 1) {
            return 0;
        }
        double steps = collective.kind().equals(CollectiveKind.ALL_REDUCE) ? 2.0 * (n - 1) : n - 1;
        return collective.count() * (steps / n * collective.bytes() / linkBytesPerSecond + steps * linkLatencySeconds);
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        return linkLatencySeconds + bytes / linkBytesPerSecond;
    }

    @Override
    public double nodeOverheadWattsPerChip() {
        return overheadWatts;
    }
}
