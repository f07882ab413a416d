package org.splitinfer.plugin.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.MemoryModel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Placement;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.TierUsage;

/**
 * Where a model's bytes live on GPU-class chips: one full-speed HBM tier and, on some systems, a slower host tier.
 *
 * <p><b>Full-speed placement.</b> Weights, KV cache and activations are spread evenly over n chips (tensor and
 * pipeline sharding both divide them; replicated layers such as embeddings are small enough to ignore). Per chip:
 * <pre>
 *   fits                 ⇔ (W + KV + A) ÷ n ≤ hbm.capacityBytes × hbm.usableFraction
 *   kvTokens per chip    = ⌊ (usable − W ÷ n − A ÷ n) ÷ kvBytesPerToken ⌋, 0 when negative
 * </pre>
 * The KV capacity is counted in whole-model tokens per chip, so that {@code perChip × n} (the SPI's
 * {@link Placement#kvTokensCapacityTotal()}) is the deployment's capacity {@code (n × usable − W − A) ÷ kvBytesPerToken}.
 * With {@code kvBytesPerToken = 0} (a model without a KV cache) and free memory, the capacity is unbounded; it is
 * reported as {@code Long.MAX_VALUE ÷ n} so the total never overflows, and every finite capacity is capped the same
 * way. The usable fraction is the reserve for the CUDA/ROCm context, NCCL buffers, workspace and fragmentation (vLLM's
 * default {@code gpu_memory_utilization} is 0.9). When the bytes do not fit, the usage reported is filled up to the
 * tier's capacity in the order weights, activations, KV cache.
 *
 * <p><b>Alternatives</b> (only on chips with a {@code host} tier, and only when the whole footprint fits the usable
 * parts of the tiers used): {@code host-weights} keeps weights in host memory and streams them over PCIe or
 * NVLink-C2C each step (KV cache and activations in HBM); {@code host-kv-cache} keeps the KV cache in host memory
 * (weights and activations in HBM). Both are priced by the roofline at the host tier's bandwidth.
 *
 * <p>Immutable and thread-safe.
 */
final class GpuMemoryModel implements MemoryModel {
    private final List<MemoryTier> tiers;
    private final MemoryTier hbm;
    private final MemoryTier host;

    /**
     * @param hbm  the full-speed tier
     * @param host the host tier, or {@code null} when the chip has none
     */
    GpuMemoryModel(MemoryTier hbm, MemoryTier host) {
        this.hbm = hbm;
        this.host = host;
        this.tiers = host == null ? List.of(hbm) : List.of(hbm, host);
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
        double usable = hbm.usableBytes();
        boolean fits = weights + kvCache + activations <= usable;
        TierUsage usage = fill(hbm, weights, activations, kvCache);
        long kvTokens = kvTokensPerChip(usable - weights - activations, footprint.kvBytesPerToken(), chips);
        String note = String.format(Locale.ROOT,
                "weights, KV cache and activations spread evenly over %d chips' HBM: %.3f GB per chip of %.3f GB usable",
                chips, (weights + kvCache + activations) / 1e9, usable / 1e9);
        return new Placement("full-speed", chips, List.of(usage), fits, kvTokens, Residency.allIn(hbm.name()), note);
    }

    @Override
    public List<Placement> alternatives(Footprint footprint, int chips) {
        requireChips(chips);
        if (host == null) {
            return List.of();
        }
        double weights = footprint.weightBytes() / chips;
        double kvCache = footprint.kvCacheBytes() / chips;
        double activations = footprint.activationBytes() / chips;
        List<Placement> result = new ArrayList<>(2);
        if (weights <= host.usableBytes() && kvCache + activations <= hbm.usableBytes()) {
            result.add(new Placement("host-weights", chips,
                    List.of(new TierUsage(hbm.name(), 0, kvCache, activations),
                            new TierUsage(host.name(), weights, 0, 0)),
                    weights == 0,
                    kvTokensPerChip(hbm.usableBytes() - activations, footprint.kvBytesPerToken(), chips),
                    new Residency(host.name(), hbm.name(), hbm.name()),
                    "weights in host memory, streamed to the chip at host-link bandwidth every step;"
                            + " KV cache and activations in HBM"));
        }
        if (kvCache <= host.usableBytes() && weights + activations <= hbm.usableBytes()) {
            result.add(new Placement("host-kv-cache", chips,
                    List.of(new TierUsage(hbm.name(), weights, 0, activations),
                            new TierUsage(host.name(), 0, kvCache, 0)),
                    kvCache == 0,
                    kvTokensPerChip(host.usableBytes(), footprint.kvBytesPerToken(), chips),
                    new Residency(hbm.name(), host.name(), hbm.name()),
                    "KV cache in host memory, read at host-link bandwidth by attention;"
                            + " weights and activations in HBM"));
        }
        return List.copyOf(result);
    }

    /** Fills a tier up to its capacity in the order weights, activations, KV cache. */
    private static TierUsage fill(MemoryTier tier, double weights, double activations, double kvCache) {
        double room = tier.capacityBytes();
        double keptWeights = Math.min(weights, room);
        room -= keptWeights;
        double keptActivations = Math.min(activations, room);
        room -= keptActivations;
        double keptKv = Math.min(kvCache, room);
        return new TierUsage(tier.name(), keptWeights, keptKv, keptActivations);
    }

    private static long kvTokensPerChip(double freeBytes, double kvBytesPerToken, int chips) {
        long cap = Long.MAX_VALUE / chips;
        if (freeBytes < 0) {
            return 0;
        }
        if (kvBytesPerToken == 0) {
            return cap;
        }
        double tokens = Math.floor(freeBytes / kvBytesPerToken);
        return tokens >= cap ? cap : (long) tokens;
    }

    private static void requireChips(int chips) {
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }
}
