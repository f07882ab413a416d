package org.splitinfer.testkit;

import java.util.List;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.CollectiveKind;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.HardwareSheet;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Price;
import org.splitinfer.spi.ProviderContext;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.SpiVersion;
import org.splitinfer.spi.TierUsage;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * The kit's own fixtures: one honest chip with the plain roofline and round figures ({@code tiny.yaml}), and hooks a
 * fixture overrides to make one mistake a vendor could make. (The fixtures are registered by a hand-written service
 * file in the test resources: fixtures, not plugins anyone ships.)
 */
abstract class TinyProvider implements AcceleratorProvider {
    static final Family TINY = new Family("tiny");

    /** @return the sheet the fixture reads */
    String sheet() {
        return "org/splitinfer/testkit/tiny.yaml";
    }

    /** @return the factor the model applies to the sheet's bandwidth (1: honest) */
    double bandwidthFactor() {
        return 1;
    }

    /** @return the factor the placement applies to its KV capacity per chip for {@code chips} chips (1: honest) */
    long kvCapacityFactor(int chips) {
        return 1;
    }

    /** @return the factor kernel times take on {@code thread} when the chip was made on {@code creator} */
    double threadFactor(Thread creator, Thread thread) {
        return 1;
    }

    @Override
    public Family family() {
        return TINY;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet(sheet());
        return List.of(new Chip(sheet, sheet.accelerators().get(0), this, Thread.currentThread()));
    }

    private record Chip(HardwareSheet sheet, AcceleratorSheet chip, TinyProvider fixture, Thread creator)
            implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
        @Override
        public AcceleratorSpec spec() {
            return sheet.spec(chip);
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
        public Optional<Price> price() {
            return chip.price();
        }

        @Override
        public List<Precision> computePrecisions() {
            return List.of(Precision.BF16);
        }

        @Override
        public double peakFlopsPerSecond(Precision precision) {
            if (!precision.equals(Precision.BF16)) {
                throw new UnsupportedPrecisionException(chip.id(), precision, computePrecisions());
            }
            return chip.value("peak.flopsPerSecond.bf16");
        }

        @Override
        public double kernelSeconds(Kernel kernel, Residency residency) {
            tier(residency.weightsTier());
            return fixture.threadFactor(creator, Thread.currentThread()) * kernel.count()
                    * Math.max(kernel.flops() / peakFlopsPerSecond(kernel.precision()), kernel.bytesMoved().total()
                    / (chip.value("mem.bytesPerSecond") * fixture.bandwidthFactor()));
        }

        @Override
        public List<MemoryTier> tiers() {
            return List.of(new MemoryTier("mem", chip.value("mem.capacityBytes"), chip.value("mem.bytesPerSecond"),
                    true, 1.0));
        }

        @Override
        public Placement place(Footprint footprint, int chips) {
            double capacity = chip.value("mem.capacityBytes");
            double weights = footprint.weightBytes() / chips;
            double activations = footprint.activationBytes() / chips;
            double kv = footprint.kvCacheBytes() / chips;
            boolean fits = weights + activations + kv <= capacity;
            double scale = fits ? 1 : capacity / (weights + activations + kv);
            double room = capacity - weights - activations;
            long tokens = room <= 0 || footprint.kvBytesPerToken() == 0 ? 0
                    : (long) Math.floor(room / footprint.kvBytesPerToken());
            return new Placement("full-speed", chips,
                    List.of(new TierUsage("mem", weights * scale, kv * scale, activations * scale)), fits,
                    tokens * fixture.kvCapacityFactor(chips), Residency.allIn("mem"), "everything in one tier");
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
            return 1e10;
        }

        @Override
        public double collectiveSeconds(Collective collective) {
            int n = collective.participants();
            double steps = collective.kind().equals(CollectiveKind.ALL_REDUCE) ? 2.0 * (n - 1) : n - 1;
            return n == 1 ? 0 : collective.count() * (steps / n * collective.bytes() / 1e11 + steps * 1e-6);
        }

        @Override
        public double transferSeconds(double bytes, Reach reach) {
            return 1e-6 + bytes / 1e10;
        }

        @Override
        public double idleWatts() {
            return chip.value("power.idleWatts");
        }

        @Override
        public double peakWatts() {
            return chip.value("power.peakWatts");
        }

        @Override
        public double nodeOverheadWattsPerChip() {
            return 0;
        }
    }
}
