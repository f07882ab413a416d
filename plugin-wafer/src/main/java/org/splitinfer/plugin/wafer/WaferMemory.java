package org.splitinfer.plugin.wafer;

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
 * A wafer's memory: on-wafer SRAM ({@code sram}, full speed) and the MemoryX weight store behind the CS system
 * ({@code external}, not full speed).
 *
 * <p><b>Full speed.</b> Weights, KV cache and activations spread evenly over the wafers in SRAM:
 * {@code perWafer = total ÷ wafers}, fitting iff {@code perWafer ≤ sram.capacityBytes × sram.usableFraction}, so
 * the fewest wafers are {@code ⌈total ÷ usable⌉} (a Llama-3.1-70B at BF16, 141.1e9 weight bytes plus KV, needs
 * four 44 GB WSE-3 wafers).
 *
 * <p><b>Weight streaming</b> (the alternative). Weights stay in MemoryX and stream onto the wafer layer by layer
 * every step; the KV cache and activations stay in SRAM. Residency {@code (external, sram, sram)}: the roofline reads
 * weights at the external bandwidth, so a step can go no faster than {@code weightBytes ÷ external.bytesPerSecond}
 * per wafer. It frees SRAM for KV cache (more concurrent sequences) at the price of that bandwidth. It is offered
 * only when it holds the footprint: each wafer's share of the weights within the external tier's usable capacity
 * and its KV cache and activations within usable SRAM.
 *
 * <p>Immutable and thread-safe.
 */
final class WaferMemory implements MemoryModel {

    /** On-wafer SRAM. */
    static final String SRAM = "sram";
    /** MemoryX, the external weight store. */
    static final String EXTERNAL = "external";

    private static final int MAX_CHIPS = 1 << 20;
    private static final Residency FULL_SPEED = Residency.allIn(SRAM);
    private static final Residency WEIGHT_STREAMING = new Residency(EXTERNAL, SRAM, SRAM);

    private final MemoryTier sram;
    private final MemoryTier external;
    private final List<MemoryTier> tiers;

    WaferMemory(WaferChip chip) {
        this.sram = new MemoryTier(SRAM, chip.sramCapacityBytes(), chip.sramBytesPerSecond(), true,
                chip.sramUsableFraction());
        this.external = new MemoryTier(EXTERNAL, chip.externalCapacityBytes(), chip.externalBytesPerSecond(), false,
                chip.externalUsableFraction());
        this.tiers = List.of(sram, external);
    }

    @Override
    public List<MemoryTier> tiers() {
        return tiers;
    }

    @Override
    public Placement place(Footprint footprint, int chips) {
        requireChips(chips);
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
                ? String.format(Locale.ROOT, "weights, KV cache and activations in on-wafer SRAM across %d wafers",
                chips)
                : String.format(Locale.ROOT, "does not fit: %.4g bytes per wafer exceed the usable SRAM of %.4g "
                + "bytes; add wafers or stream weights from MemoryX", perChip, sram.usableBytes());
        return new Placement("full-speed", chips, List.of(usage), fits, kvTokens, FULL_SPEED, note);
    }

    @Override
    public OptionalInt minChips(Footprint footprint) {
        double estimate = Math.ceil(footprint.totalBytes() / sram.usableBytes());
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

    @Override
    public List<Placement> alternatives(Footprint footprint, int chips) {
        requireChips(chips);
        double weights = footprint.weightBytes() / chips;
        double kvCache = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        if (weights > external.usableBytes() || kvCache + activations > sram.usableBytes()) {
            return List.of();
        }
        long kvTokens = kvTokensPerChip(sram.usableBytes() - activations, footprint.kvBytesPerToken(), chips);
        String note = String.format(Locale.ROOT, "weights stream from MemoryX every step at %.4g B/s per wafer; "
                + "KV cache and activations in on-wafer SRAM", external.bytesPerSecond());
        return List.of(new Placement("weight-streaming", chips,
                List.of(new TierUsage(SRAM, 0, kvCache, activations), new TierUsage(EXTERNAL, weights, 0, 0)),
                false, kvTokens, WEIGHT_STREAMING, note));
    }

    /**
     * Whole KV tokens one wafer can still hold, counted so that wafers × per-wafer tokens is the deployment's free
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

    private static void requireChips(int chips) {
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }
}
