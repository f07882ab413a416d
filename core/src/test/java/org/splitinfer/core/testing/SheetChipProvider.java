package org.splitinfer.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorProvider;
import org.splitinfer.spi.AcceleratorSheet;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
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

/**
 * A fixture plugin that models every chip of its sheet ({@code sheet-chip.yaml}, family {@code fixture}) from the
 * sheet alone, as the shipped plugins do: the plain roofline {@code max(FLOPs ÷ peak, bytes ÷ hbm.bytesPerSecond)}
 * per kernel, one HBM tier of {@code hbm.capacityBytes}, no collective cost (one chip per instance in the tests).
 * It depends on the SPI only, so {@link PluginJars} packs it into a plugin jar the host loads in its own class loader.
 */
public final class SheetChipProvider implements AcceleratorProvider {
    /** The fixture's family. */
    public static final Family FIXTURE = new Family("fixture");

    /** Does nothing. */
    public SheetChipProvider() {
    }

    @Override
    public Family family() {
        return FIXTURE;
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<Accelerator> accelerators(ProviderContext context) {
        HardwareSheet sheet = context.sheet("org/splitinfer/core/testing/sheet-chip.yaml");
        List<Accelerator> chips = new ArrayList<>();
        for (AcceleratorSheet chip : sheet.accelerators()) {
            chips.add(new Chip(sheet.spec(chip), chip.positive("peak.flopsPerSecond.bf16"),
                    chip.positive("hbm.capacityBytes"), chip.positive("hbm.bytesPerSecond"),
                    chip.positive("scaleOut.bytesPerSecond"), chip.value("power.idleWatts"),
                    chip.positive("power.peakWatts"), chip.price()));
        }
        return chips;
    }

    private record Chip(AcceleratorSpec spec, double peak, double capacity, double bandwidth, double scaleOut,
                        double idle, double peakWatts, Optional<Price> price)
            implements Accelerator, Roofline, MemoryModel, Interconnect, PowerModel {
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
            return peak;
        }

        @Override
        public double kernelSeconds(Kernel kernel, Residency residency) {
            return kernel.count() * Math.max(kernel.flops() / peak, kernel.bytesMoved().total() / bandwidth);
        }

        @Override
        public List<MemoryTier> tiers() {
            return List.of(new MemoryTier("hbm", capacity, bandwidth, true, 1.0));
        }

        @Override
        public Placement place(Footprint footprint, int chips) {
            double weights = footprint.weightBytes() / chips;
            double activations = footprint.activationBytes() / chips;
            double kv = footprint.kvCacheBytes() / chips;
            boolean fits = weights + activations + kv <= capacity;
            double scale = fits ? 1 : capacity / (weights + activations + kv);
            double room = capacity - weights - activations;
            long tokens = room <= 0 || footprint.kvBytesPerToken() == 0 ? 0
                    : (long) Math.floor(room / footprint.kvBytesPerToken());
            return new Placement("full-speed", chips,
                    List.of(new TierUsage("hbm", weights * scale, kv * scale, activations * scale)), fits, tokens,
                    Residency.allIn("hbm"), "everything in HBM");
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
            return scaleOut;
        }

        @Override
        public double collectiveSeconds(Collective collective) {
            return 0;
        }

        @Override
        public double transferSeconds(double bytes, Reach reach) {
            return bytes / scaleOut;
        }

        @Override
        public double idleWatts() {
            return idle;
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
}
