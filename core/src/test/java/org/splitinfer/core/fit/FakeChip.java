package org.splitinfer.core.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.AcceleratorSpec;
import org.splitinfer.spi.Collective;
import org.splitinfer.spi.Family;
import org.splitinfer.spi.Figure;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Interconnect;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.PowerModel;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Reach;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Status;
import org.splitinfer.spi.TierUsage;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * A hand-written chip for the fit tests: one full-speed tier {@code hbm}, optionally a slow {@code ddr} tier with a
 * spill alternative that keeps as many weights as fit in HBM, a plain roofline
 * ({@code max(FLOPs ÷ peak, Σ bytes ÷ bandwidth of their tier)}), free collectives.
 */
final class FakeChip implements Accelerator {
    private final AcceleratorSpec spec;
    private final Map<Precision, Double> peaks;
    private final MemoryTier hbm;
    private final MemoryTier ddr;
    private final int domainChips;
    private final boolean chain;
    private final boolean neverFits;

    private FakeChip(Status status, Map<Precision, Double> peaks, MemoryTier hbm, MemoryTier ddr, int domainChips,
                     boolean chain, boolean neverFits) {
        this.spec = new AcceleratorSpec("fake-chip", chain ? Family.LPU : Family.GPU, "Example", "Fake chip", status,
                List.of(), List.of(Figure.assumed("hbm.usableFraction", hbm.usableFraction(), "for the test")));
        this.peaks = peaks;
        this.hbm = hbm;
        this.ddr = ddr;
        this.domainChips = domainChips;
        this.chain = chain;
        this.neverFits = neverFits;
    }

    /** 4e9 bytes of HBM at 1e12 B/s, 90% usable; BF16 at 1e15 FLOP/s; a scale-up domain of 8. */
    static FakeChip small() {
        return new FakeChip(Status.SHIPPING, Map.of(Precision.BF16, 1e15), new MemoryTier("hbm", 4e9, 1e12, true, 0.9),
                null, 8, false, false);
    }

    FakeChip computing(Map<Precision, Double> newPeaks) {
        return new FakeChip(spec.status(), new LinkedHashMap<>(newPeaks), hbm, ddr, domainChips, chain, neverFits);
    }

    /** Adds 1e12 bytes of DDR at 1e11 B/s, fully usable, and the spill alternative. */
    FakeChip withDdr() {
        return new FakeChip(spec.status(), peaks, hbm, new MemoryTier("ddr", 1e12, 1e11, false, 1), domainChips, chain,
                neverFits);
    }

    FakeChip chained() {
        return new FakeChip(spec.status(), peaks, hbm, ddr, domainChips, true, neverFits);
    }

    FakeChip withStatus(Status status) {
        return new FakeChip(status, peaks, hbm, ddr, domainChips, chain, neverFits);
    }

    FakeChip thatNeverFits() {
        return new FakeChip(spec.status(), peaks, hbm, ddr, domainChips, chain, true);
    }

    @Override
    public AcceleratorSpec spec() {
        return spec;
    }

    @Override
    public Roofline roofline() {
        return new Roofline() {
            @Override
            public List<Precision> computePrecisions() {
                return List.copyOf(peaks.keySet());
            }

            @Override
            public double peakFlopsPerSecond(Precision precision) {
                Double peak = peaks.get(precision);
                if (peak == null) {
                    throw new UnsupportedPrecisionException(spec.id(), precision, computePrecisions());
                }
                return peak;
            }

            @Override
            public double kernelSeconds(Kernel kernel, Residency residency) {
                double compute = kernel.flops() / peakFlopsPerSecond(kernel.precision());
                double memory = 0;
                for (OperandClass operand : OperandClass.values()) {
                    memory += kernel.bytesMoved().of(operand) / memory().tier(residency.tierOf(operand)).bytesPerSecond();
                }
                return kernel.count() * Math.max(compute, memory);
            }

            @Override
            public boolean stepTimingIncludesStageHandOffs() {
                return chain;
            }
        };
    }

    @Override
    public MemoryModel memory() {
        return new MemoryModel() {
            @Override
            public List<MemoryTier> tiers() {
                return ddr == null ? List.of(hbm) : List.of(hbm, ddr);
            }

            @Override
            public Placement place(Footprint footprint, int chips) {
                double weights = footprint.weightBytes() / chips;
                double kv = footprint.kvCacheBytes() / chips;
                boolean fits = weights + kv <= hbm.usableBytes();
                double keptWeights = Math.min(weights, hbm.capacityBytes());
                double keptKv = Math.min(kv, hbm.capacityBytes() - keptWeights);
                long tokens = (long) Math.max(0, Math.floor((hbm.usableBytes() - weights) / footprint.kvBytesPerToken()));
                return new Placement("full-speed", chips, List.of(new TierUsage("hbm", keptWeights, keptKv, 0)), fits,
                        tokens, Residency.allIn("hbm"), "everything in HBM");
            }

            @Override
            public OptionalInt minChips(Footprint footprint) {
                return neverFits ? OptionalInt.empty() : MemoryModel.super.minChips(footprint);
            }

            @Override
            public List<Placement> alternatives(Footprint footprint, int chips) {
                double weights = footprint.weightBytes() / chips;
                double kv = footprint.kvCacheBytes() / chips;
                if (ddr == null || weights + kv <= hbm.usableBytes()) {
                    return List.of();
                }
                double hbmWeights = hbm.usableBytes() - kv;
                List<Placement> result = new ArrayList<>();
                result.add(new Placement("ddr-spill", chips,
                        List.of(new TierUsage("hbm", hbmWeights, kv, 0), new TierUsage("ddr", weights - hbmWeights, 0, 0)),
                        false, 0, new Residency("ddr", "hbm", "hbm"), "weights that do not fit HBM spill to DDR"));
                return result;
            }
        };
    }

    @Override
    public Interconnect interconnect() {
        return new Interconnect() {
            @Override
            public int scaleUpDomainChips() {
                return domainChips;
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
                return 0;
            }

            @Override
            public double transferSeconds(double bytes, Reach reach) {
                return 0;
            }
        };
    }

    @Override
    public PowerModel power() {
        throw new AssertionError("not used by fit");
    }
}
