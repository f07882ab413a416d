package org.splitinfer.plugin.rdu;

import java.util.List;
import java.util.Locale;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * The three memory tiers of an RDU socket and where a model's bytes go on a number of sockets.
 *
 * <h2>Notes</h2>
 * <p>Tiers per socket (SN40L: Prabhakar et al., arXiv:2405.07518, 2024; SambaNova at Hot Chips 2024):
 * {@code sram} (on-chip PMU scratchpads, 520 MB, holds activations and tiles, never counted for fitting a
 * model), {@code hbm} (64 GB, the full-speed tier) and {@code ddr} (up to 1.5 TB, the capacity tier).
 *
 * <p>Full-speed placement on {@code n} sockets: each socket holds {@code 1/n} of everything, all of it charged to
 * HBM (weights, KV cache and the working activations), so the placement lists HBM alone. It fits when
 * {@code weights + kv + activations <= hbm.capacity × hbm.usableFraction}; KV tokens left per socket:
 * {@code floor((hbm usable − weights − activations) ÷ kvBytesPerToken)}. Activations are <em>read</em> from SRAM
 * (the residency names {@code sram}) when a socket's share fits the scratchpad: the fused pipeline streams them
 * between operators through PMU SRAM; HBM only backs them.
 *
 * <p>{@code ddr-spill} alternative (offered when the full-speed placement does not fit and HBM plus DDR hold
 * everything): HBM takes the activations, then the KV cache, then as many weights as fit; the remaining weights
 * (and any KV that did not fit) go to DDR. Its residency names {@code ddr} for the weights, so that the SPI prices
 * every weight read at DDR speed: an upper bound. {@link #ddrWeightFraction} gives the share of weight bytes in
 * DDR for {@link RduRoofline#spilledStepTiming}, which prices the split exactly. Its KV capacity counts what HBM
 * and DDR can still hold together.
 *
 * <p>Figures: {@code <tier>.capacityBytes}, {@code <tier>.bytesPerSecond} for sram, hbm and ddr;
 * {@code hbm.usableFraction} (required: it decides fitting); {@code sram.usableFraction} and
 * {@code ddr.usableFraction} optional (fallback 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class RduMemoryModel implements MemoryModel {
    /** On-chip scratchpad tier. */
    public static final String SRAM = "sram";
    /** Full-speed tier. */
    public static final String HBM = "hbm";
    /** Capacity tier. */
    public static final String DDR = "ddr";
    /** Placement name of the spill alternative. */
    public static final String DDR_SPILL = "ddr-spill";

    /** KV tokens reported when a footprint needs no KV bytes; small enough that × chips cannot overflow. */
    static final long UNBOUNDED_KV_TOKENS = Long.MAX_VALUE / Integer.MAX_VALUE;

    private final List<MemoryTier> tiers;
    private final double sramUsableBytes;
    private final double hbmUsableBytes;
    private final double ddrUsableBytes;

    /**
     * @param sram on-chip scratchpad, not full-speed for fitting
     * @param hbm  the full-speed tier
     * @param ddr  the capacity tier, not full-speed
     */
    public RduMemoryModel(MemoryTier sram, MemoryTier hbm, MemoryTier ddr) {
        if (!sram.name().equals(SRAM) || !hbm.name().equals(HBM) || !ddr.name().equals(DDR)) {
            throw new IllegalArgumentException("tiers must be named sram, hbm, ddr");
        }
        if (sram.fullSpeed() || !hbm.fullSpeed() || ddr.fullSpeed()) {
            throw new IllegalArgumentException("only hbm is a full-speed tier on an RDU");
        }
        this.tiers = List.of(sram, hbm, ddr);
        this.sramUsableBytes = sram.usableBytes();
        this.hbmUsableBytes = hbm.usableBytes();
        this.ddrUsableBytes = ddr.usableBytes();
    }

    @Override
    public List<MemoryTier> tiers() {
        return tiers;
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        requireChips(chips);
        double weights = footprint.weightBytes() / chips;
        double kv = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        boolean fits = weights + kv + activations <= hbmUsableBytes;
        double hbmActivations = Math.min(activations, hbmUsableBytes);
        double hbmWeights = Math.min(weights, hbmUsableBytes - hbmActivations);
        double hbmKv = Math.min(kv, hbmUsableBytes - hbmActivations - hbmWeights);
        long kvTokens = kvTokens(hbmUsableBytes - weights - activations, footprint.kvBytesPerToken());
        String note = fits
                ? String.format(Locale.ROOT, "weights, KV cache and activations in HBM on %d sockets, activations "
                        + "streamed through SRAM", chips)
                : String.format(Locale.ROOT, "does not fit HBM on %d sockets: %.4g bytes per socket against %.4g "
                        + "usable; see the ddr-spill alternative", chips, weights + kv + activations, hbmUsableBytes);
        return new Placement("full-speed", chips, List.of(new TierUsage(HBM, hbmWeights, hbmKv, hbmActivations)),
                fits, kvTokens, new Residency(HBM, HBM, activationsTier(activations)), note);
    }

    @Override
    public List<Placement> alternatives(Footprint footprint, int chips) {
        requireChips(chips);
        double weights = footprint.weightBytes() / chips;
        double kv = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        if (weights + kv + activations <= hbmUsableBytes || activations > hbmUsableBytes) {
            return List.of();
        }
        double hbmKv = Math.min(kv, hbmUsableBytes - activations);
        double hbmWeights = Math.min(weights, hbmUsableBytes - activations - hbmKv);
        double ddrKv = kv - hbmKv;
        double ddrWeights = weights - hbmWeights;
        if (ddrKv + ddrWeights > ddrUsableBytes) {
            return List.of();
        }
        long kvTokens = kvTokens(hbmUsableBytes + ddrUsableBytes - weights - activations,
                footprint.kvBytesPerToken());
        double fraction = weights == 0 ? 0 : ddrWeights / weights;
        String note = String.format(Locale.ROOT, "%.1f%% of each socket's weights (%.4g bytes) spill to DDR and "
                        + "are read at DDR speed; the residency prices all weight reads at DDR speed (an upper bound), "
                        + "RduRoofline.spilledStepTiming prices the split", 100 * fraction, ddrWeights);
        Placement spill = new Placement(DDR_SPILL, chips,
                List.of(new TierUsage(HBM, hbmWeights, hbmKv, activations), new TierUsage(DDR, ddrWeights, ddrKv, 0)),
                false, kvTokens,
                new Residency(ddrWeights > 0 ? DDR : HBM, ddrKv > 0 ? DDR : HBM, activationsTier(activations)), note);
        return List.of(spill);
    }

    /**
     * Share of a placement's weight bytes that live in DDR, for {@link RduRoofline#spilledStepTiming}.
     *
     * @param placement a placement of this model
     * @return the DDR share in [0, 1]; 0 when there are no weights
     */
    public static double ddrWeightFraction(Placement placement) {
        double total = 0;
        double ddr = 0;
        for (TierUsage usage : placement.perChip()) {
            total += usage.weightBytes();
            if (usage.tier().equals(DDR)) {
                ddr += usage.weightBytes();
            }
        }
        return total == 0 ? 0 : Math.min(1, ddr / total);
    }

    private String activationsTier(double activationsPerSocket) {
        return activationsPerSocket <= sramUsableBytes ? SRAM : HBM;
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

    private static void requireChips(int chips) {
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }
}
