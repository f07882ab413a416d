package org.splitinfer.plugin.lpu;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * An LPU's memory: one full-speed tier, {@code sram}, and nothing behind it.
 *
 * <p>Weights, KV cache and activations all live in on-chip SRAM spread evenly over the deployment's chips, so the
 * chip count follows from the model: {@code perChip = footprint.totalBytes() ÷ chips}, and the placement fits iff
 * {@code perChip ≤ sram.capacityBytes × usable}. Every chip keeps room for what the footprint does not count: its
 * compiled program ({@code sram.programFraction}; the chip fetches its instructions from the same SRAM) and the
 * activation buffers of a prompt ({@code sram.activationFraction}), so
 * {@code usable = 1 − sram.programFraction − sram.activationFraction}. The KV cache has no fixed reserve: the
 * footprint counts the served sequences' cache, and what is left after the weights caps concurrency. The fewest
 * chips are therefore {@code ⌈total ÷ (capacity × usable)⌉} (Llama-2-70B at INT8 with a 4,096-token context needs
 * hundreds of 230 MB chips); the host rounds the chips it chooses up to whole nodes.
 * The KV room left after weights and activations caps how many tokens, and so how many concurrent sequences,
 * a deployment can serve. There are no alternative placements: the chip has no DRAM or HBM to spill to, and
 * Groq's systems do not stream weights from host memory.
 *
 * <p>Immutable and thread-safe.
 */
final class LpuMemory implements MemoryModel {

    /** The name of the one tier. */
    static final String SRAM = "sram";

    private static final int MAX_CHIPS = 1 << 20;

    private final MemoryTier sram;
    private final List<MemoryTier> tiers;
    private final Residency residency = Residency.allIn(SRAM);

    LpuMemory(LpuChip chip) {
        this.sram = new MemoryTier(SRAM, chip.sramCapacityBytes(), chip.sramBytesPerSecond(), true,
                chip.sramUsableFraction());
        this.tiers = List.of(sram);
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
        double kvCache = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        double perChip = weights + kvCache + activations;
        boolean fits = perChip <= sram.usableBytes();
        // Over capacity the bytes are scaled down together so that the usage reported never exceeds the tier.
        double scale = perChip > sram.capacityBytes() ? sram.capacityBytes() / perChip : 1;
        TierUsage usage = new TierUsage(SRAM, weights * scale, kvCache * scale, activations * scale);
        long kvTokens = kvTokensPerChip(sram.usableBytes() - weights - activations, footprint.kvBytesPerToken(), chips);
        String note = fits
                ? String.format(Locale.ROOT, "weights, KV cache and activations in SRAM across %d chips",
                chips)
                : String.format(Locale.ROOT,
                "does not fit: %.4g bytes per chip exceed the usable SRAM of %.4g bytes; an LPU has no slower "
                        + "memory, so add chips", perChip, sram.usableBytes());
        return new Placement("full-speed", chips, List.of(usage), fits, kvTokens, residency, note);
    }

    @Override
    public OptionalInt minChips(Footprint footprint) {
        double total = footprint.totalBytes();
        double estimate = Math.ceil(total / sram.usableBytes());
        if (estimate > MAX_CHIPS) {
            return OptionalInt.empty();
        }
        int chips = Math.max(1, (int) estimate);
        // The closed form can be one off where the division rounds; place() is the arbiter.
        while (chips > 1 && place(footprint, chips - 1).fitsFullSpeed()) {
            chips--;
        }
        while (!place(footprint, chips).fitsFullSpeed()) {
            if (chips >= MAX_CHIPS) {
                return OptionalInt.empty();
            }
            chips++;
        }
        return OptionalInt.of(chips);
    }

    /** No alternatives: the chip has no memory slower than SRAM to spill to or stream from. */
    @Override
    public List<Placement> alternatives(Footprint footprint, int chips) {
        return List.of();
    }

    /**
     * Whole KV tokens one chip can still hold, counted so that chips × per-chip tokens is the deployment's free
     * SRAM divided by the bytes one token adds; saturates rather than overflow the total.
     */
    static long kvTokensPerChip(double freeBytes, double kvBytesPerToken, int chips) {
        long ceiling = Long.MAX_VALUE / chips;
        if (freeBytes <= 0) {
            return 0;
        }
        if (kvBytesPerToken <= 0) {
            return ceiling;
        }
        double tokens = Math.floor(freeBytes / kvBytesPerToken);
        return tokens >= ceiling ? ceiling : (long) tokens;
    }
}
