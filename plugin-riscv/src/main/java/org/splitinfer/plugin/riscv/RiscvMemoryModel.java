package org.splitinfer.plugin.riscv;

import java.util.List;
import java.util.Locale;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * The memory of a Tenstorrent chip: the L1 SRAM of its Tensix cores and its GDDR6.
 *
 * <h2>Notes</h2>
 * <p>Tiers: {@code sram} = {@code tensix.cores × tensix.l1BytesPerCore} (or a chip-wide
 * {@code sram.capacityBytes}; Wormhole: 1.5 MB of L1 per Tensix core), holding activations and tiles and never
 * counted for fitting a model; {@code gddr} (12 GB per Wormhole chip, 32 GB per Blackhole p150), the full-speed
 * tier.
 *
 * <p>Placement on {@code n} chips: each chip holds {@code 1/n} of everything, all of it charged to GDDR (weights,
 * KV cache and the working activations), so the placement lists GDDR alone. It fits when
 * {@code weights + kv + activations <= gddr.capacity × gddr.usableFraction}; KV tokens left per chip are
 * {@code floor((gddr usable − weights − activations) ÷ kvBytesPerToken)}. Activations are <em>read</em> from L1
 * (the residency names {@code sram}) when a chip's share fits the cores' L1, else from GDDR. No alternative
 * placement: a chip has nothing slower to spill to (host memory over PCIe is not modelled).
 *
 * <p>Figures: {@code gddr.capacityBytes}, {@code gddr.bytesPerSecond}, {@code gddr.usableFraction} (required, it
 * decides fitting); {@code sram.bytesPerSecond}; {@code sram.usableFraction} optional (fallback 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class RiscvMemoryModel implements MemoryModel {
    /** The Tensix cores' L1, all cores together. */
    public static final String SRAM = "sram";
    /** The full-speed tier. */
    public static final String GDDR = "gddr";

    /** KV tokens reported when a footprint needs no KV bytes; small enough that × chips cannot overflow. */
    static final long UNBOUNDED_KV_TOKENS = Long.MAX_VALUE / Integer.MAX_VALUE;

    private final List<MemoryTier> tiers;
    private final double sramUsableBytes;
    private final double gddrUsableBytes;

    /**
     * @param sram all cores' L1, not full-speed for fitting
     * @param gddr the full-speed tier
     */
    public RiscvMemoryModel(MemoryTier sram, MemoryTier gddr) {
        if (!sram.name().equals(SRAM) || !gddr.name().equals(GDDR)) {
            throw new IllegalArgumentException("tiers must be named sram, gddr");
        }
        if (sram.fullSpeed() || !gddr.fullSpeed()) {
            throw new IllegalArgumentException("only gddr is a full-speed tier on a Tenstorrent chip");
        }
        this.tiers = List.of(sram, gddr);
        this.sramUsableBytes = sram.usableBytes();
        this.gddrUsableBytes = gddr.usableBytes();
    }

    @Override
    public List<MemoryTier> tiers() {
        return tiers;
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
        double weights = footprint.weightBytes() / chips;
        double kv = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        boolean fits = weights + kv + activations <= gddrUsableBytes;
        double gddrActivations = Math.min(activations, gddrUsableBytes);
        double gddrWeights = Math.min(weights, gddrUsableBytes - gddrActivations);
        double gddrKv = Math.min(kv, gddrUsableBytes - gddrActivations - gddrWeights);
        long kvTokens = kvTokens(gddrUsableBytes - weights - activations, footprint.kvBytesPerToken());
        String note = fits
                ? String.format(Locale.ROOT, "weights, KV cache and activations in GDDR6 on %d chips, activations "
                        + "streamed through Tensix L1", chips)
                : String.format(Locale.ROOT, "does not fit GDDR6 on %d chips: %.4g bytes per chip against %.4g usable",
                        chips, weights + kv + activations, gddrUsableBytes);
        return new Placement("full-speed", chips, List.of(new TierUsage(GDDR, gddrWeights, gddrKv, gddrActivations)),
                fits, kvTokens, new Residency(GDDR, GDDR, activations <= sramUsableBytes ? SRAM : GDDR), note);
    }

    private static long kvTokens(double freeBytes, double kvBytesPerToken) {
        if (kvBytesPerToken == 0) {
            return UNBOUNDED_KV_TOKENS;
        }
        if (freeBytes <= 0) {
            return 0;
        }
        return (long) Math.min(UNBOUNDED_KV_TOKENS, Math.floor(freeBytes / kvBytesPerToken));
    }
}
