package org.splitinfer.plugin.optical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * The electronic memory beside an optical matrix engine.
 *
 * <h2>Notes</h2>
 * <p>The optical core stores no operands: weights, the KV cache and activations live in electronic memory and are
 * streamed into the modulators, so memory bandwidth bounds streaming weights and KV exactly as on an electronic
 * chip. Which memory a part has is taken from its sheet: every tier among {@code sram, hbm, gddr, ddr, external}
 * with a {@code <tier>.capacityBytes} figure. Lightmatter announces 500 MB of SRAM per Envise module; Lumai
 * publishes no memory at all, so its tiers are marked assumptions.
 *
 * <p>SRAM, HBM and GDDR count as full-speed; the <em>main</em> tier is the full-speed tier with the largest
 * capacity. On {@code n} chips each holds {@code 1/n} of everything, all of it charged to the main tier (weights, KV
 * cache and working activations), so the placement lists the main tier alone. It fits when
 * {@code weights + kv + activations <= main usable}; KV tokens left per chip
 * {@code floor((main usable − weights − activations) ÷ kvBytesPerToken)}. Activations are <em>read</em> from SRAM
 * when SRAM is a separate tier and a chip's share fits it, else from the main tier. No alternative placement.
 *
 * <p>Figures per tier: {@code <tier>.capacityBytes}, {@code <tier>.bytesPerSecond}, optional
 * {@code <tier>.joulesPerByte} (energy of moving a byte, for {@link OpticalAccelerator#kernelJoules}; fallback 0)
 * and, for the main tier,
 * {@code <tier>.usableFraction} (other tiers: optional, fallback 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class OpticalMemoryModel implements MemoryModel {
    /** Tier names the sheet may describe, in no particular order. */
    public static final List<String> TIER_NAMES = List.of("sram", "hbm", "gddr", "ddr", "external");

    static final long UNBOUNDED_KV_TOKENS = Long.MAX_VALUE / Integer.MAX_VALUE;
    private static final String SRAM = "sram";

    private final List<MemoryTier> tiers;
    private final MemoryTier main;
    private final String activationsTier;
    private final double activationTierUsableBytes;

    /**
     * @param tiers the chip's tiers (any order), names from {@link #TIER_NAMES}, at least one full-speed
     */
    public OpticalMemoryModel(List<MemoryTier> tiers) {
        List<MemoryTier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingDouble(MemoryTier::bytesPerSecond).reversed());
        this.tiers = List.copyOf(sorted);
        MemoryTier largest = null;
        for (MemoryTier tier : sorted) {
            if (!TIER_NAMES.contains(tier.name())) {
                throw new IllegalArgumentException("unknown tier '" + tier.name() + "'; known: " + TIER_NAMES);
            }
            if (tier.fullSpeed() && (largest == null || tier.capacityBytes() > largest.capacityBytes())) {
                largest = tier;
            }
        }
        if (largest == null) {
            throw new IllegalArgumentException("an optical chip needs a full-speed memory tier (sram, hbm or gddr)");
        }
        this.main = largest;
        MemoryTier sram = sorted.stream().filter(t -> t.name().equals(SRAM)).findFirst().orElse(null);
        boolean separateSram = sram != null && sram != main;
        this.activationsTier = separateSram ? SRAM : main.name();
        this.activationTierUsableBytes = separateSram ? sram.usableBytes() : 0;
    }

    /** @return whether the named tier counts as full-speed for fitting */
    static boolean isFullSpeed(String tier) {
        return tier.equals("sram") || tier.equals("hbm") || tier.equals("gddr");
    }

    /** @return the tier holding weights and the KV cache */
    public MemoryTier mainTier() {
        return main;
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
        double mainUsable = main.usableBytes();
        double weights = footprint.weightBytes() / chips;
        double kv = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        boolean fits = weights + kv + activations <= mainUsable;
        double mainActivations = Math.min(activations, mainUsable);
        double mainWeights = Math.min(weights, mainUsable - mainActivations);
        double mainKv = Math.min(kv, mainUsable - mainActivations - mainWeights);
        long kvTokens;
        double free = mainUsable - weights - activations;
        if (footprint.kvBytesPerToken() == 0) {
            kvTokens = UNBOUNDED_KV_TOKENS;
        } else {
            kvTokens = free <= 0 ? 0
                    : (long) Math.min(UNBOUNDED_KV_TOKENS, Math.floor(free / footprint.kvBytesPerToken()));
        }
        String activationsRead = activations <= activationTierUsableBytes ? activationsTier : main.name();
        String note = fits
                ? String.format(Locale.ROOT, "weights and KV cache in %s on %d chips, streamed into the optical core",
                        main.name(), chips)
                : String.format(Locale.ROOT, "does not fit %s on %d chips: %.4g bytes per chip against %.4g usable",
                        main.name(), chips, weights + kv + activations, mainUsable);
        return new Placement("full-speed", chips, List.of(new TierUsage(main.name(), mainWeights, mainKv,
                mainActivations)), fits, kvTokens,
                new Residency(main.name(), main.name(), activationsRead), note);
    }
}
