package com.example.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.TierUsage;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * One ACME NPU chip. The simplest honest model a vendor can start from:
 * <ul>
 *   <li>kernel time = count × (launch + max(FLOPs ÷ peak, bytes ÷ LPDDR bandwidth)), the plain roofline;</li>
 *   <li>one memory tier holding weights and KV cache spread evenly over the chips;</li>
 *   <li>a ring all-reduce over Ethernet: 2(n−1)/n × bytes ÷ bandwidth + 2(n−1) × latency;</li>
 *   <li>power linear between idle and peak;</li>
 *   <li>the price its sheet gives, which the host's cost model reads.</li>
 * </ul>
 */
final class AcmeAccelerator implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
    private static final String TIER = "lpddr";

    private final AcceleratorSpec spec;
    private final List<Precision> precisions = new ArrayList<>();
    private final double[] peaks;
    private final MemoryTier memoryTier;
    private final double launchSeconds;
    private final double linkBytesPerSecond;
    private final double linkLatencySeconds;
    private final double peakWatts;
    private final double idleWatts;
    private final Optional<Price> price;

    AcmeAccelerator(AcceleratorSpec spec, AcceleratorSheet sheet) {
        this.spec = spec;
        for (Precision precision : Precision.WELL_KNOWN) {
            if (sheet.has("peak.flopsPerSecond." + precision.name())) {
                precisions.add(precision);
            }
        }
        peaks = new double[precisions.size()];
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = sheet.value("peak.flopsPerSecond." + precisions.get(i).name());
        }
        memoryTier = new MemoryTier(TIER, sheet.value("lpddr.capacityBytes"), sheet.value("lpddr.bytesPerSecond"),
                true, sheet.value("lpddr.usableFraction"));
        launchSeconds = sheet.value("kernel.launchSeconds");
        linkBytesPerSecond = sheet.value("link.bytesPerSecond");
        linkLatencySeconds = sheet.value("link.latencySeconds");
        peakWatts = sheet.value("power.peakWatts");
        idleWatts = sheet.value("power.idleWatts");
        price = sheet.price();
    }

    @Override
    public AcceleratorSpec spec() {
        return spec;
    }

    @Override
    public Optional<Price> price() {
        return price;
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
        return List.copyOf(precisions);
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        int index = precisions.indexOf(precision);
        if (index < 0) {
            throw new UnsupportedPrecisionException(spec.id(), precision, precisions);
        }
        return peaks[index];
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        memory().tier(residency.weightsTier());
        memory().tier(residency.kvCacheTier());
        memory().tier(residency.activationsTier());
        double compute = kernel.flops() / peakFlopsPerSecond(kernel.precision());
        double memory = kernel.bytesMoved().total() / memoryTier.bytesPerSecond();
        return kernel.count() * (launchSeconds + Math.max(compute, memory));
    }

    @Override
    public List<MemoryTier> tiers() {
        return List.of(memoryTier);
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        double weights = footprint.weightBytes() / chips;
        double kv = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        boolean fits = weights + kv + activations <= memoryTier.usableBytes();
        double scale = fits ? 1 : Math.min(1, memoryTier.capacityBytes() / (weights + kv + activations));
        double free = memoryTier.usableBytes() - weights - activations;
        long kvTokens = footprint.kvBytesPerToken() == 0 || free <= 0 ? 0
                : (long) Math.floor(free / footprint.kvBytesPerToken());
        return new Placement("full-speed", chips,
                List.of(new TierUsage(TIER, weights * scale, kv * scale, activations * scale)), fits, kvTokens,
                Residency.allIn(TIER), fits ? "everything in LPDDR" : "does not fit in LPDDR: add chips");
    }

    @Override
    public int scaleUpDomainChips() {
        return 1;
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
        return collective.count() * (steps / n * collective.bytes() / linkBytesPerSecond
                + steps * linkLatencySeconds);
    }

    @Override
    public double transferSeconds(double bytes, Reach reach) {
        return linkLatencySeconds + bytes / linkBytesPerSecond;
    }

    @Override
    public double idleWatts() {
        return idleWatts;
    }

    @Override
    public double peakWatts() {
        return peakWatts;
    }

    @Override
    public double nodeOverheadWattsPerChip() {
        return 0;
    }
}
