package org.splitinfer.plugin.gpu;

/**
 * The names of the figures the GPU family reads from its hardware sheet, with their units. Every chip of the sheet
 * must give the required ones; the optional ones change the model only where present.
 *
 * <p>Required:
 * <ul>
 *   <li>{@code peak.flopsPerSecond.<precision>} — dense (not sparse) tensor throughput, FLOP/s; at least one. The
 *       precisions named are the chip's compute precisions ({@code fp4} reads as {@code nvfp4}; a format the SPI does
 *       not name, such as {@code tf32}, {@code fp64} or {@code fp6}, is kept with the storage bits its name ends in).</li>
 *   <li>{@code hbm.capacityBytes} (bytes), {@code hbm.bytesPerSecond} (bytes/s, datasheet peak),
 *       {@code hbm.usableFraction} (fraction of capacity a deployment may fill).</li>
 *   <li>{@code kernel.launchSeconds} — seconds each kernel invocation adds on top of its roofline time.</li>
 *   <li>{@code efficiency.gemmCeiling} — fraction of dense peak a large GEMM reaches; {@code efficiency.gemmHalfTokens}
 *       — GEMM rows m (tokens) at which a GEMM reaches half that ceiling.</li>
 *   <li>{@code efficiency.attentionCeiling} — fraction of dense peak long-sequence attention reaches;
 *       {@code efficiency.attentionHalfTokens} — query rows per KV head (new tokens per sequence × query heads per KV
 *       head) at which attention reaches half that ceiling.</li>
 *   <li>{@code efficiency.hbmBandwidth} — fraction of {@code hbm.bytesPerSecond} streaming kernels reach.</li>
 *   <li>{@code scaleUp.domainChips} (chips), {@code scaleUp.bytesPerSecond} (bytes/s per chip, one direction),
 *       {@code scaleUp.latencySeconds} (per ring step); {@code scaleOut.bytesPerSecond} (bytes/s per chip, one
 *       direction), {@code scaleOut.latencySeconds}.</li>
 *   <li>{@code power.idleWatts}, {@code power.peakWatts} (chip), {@code node.overheadWattsPerChip}.</li>
 * </ul>
 * Optional:
 * <ul>
 *   <li>{@code host.capacityBytes}, {@code host.bytesPerSecond}, {@code host.usableFraction},
 *       {@code efficiency.hostBandwidth} — a slower host-memory tier reached over PCIe or NVLink-C2C; all four are
 *       required once {@code host.capacityBytes} or {@code host.bytesPerSecond} is given.</li>
 *   <li>{@code vector.flopsPerSecond} — non-tensor (CUDA-core / vector-unit) FP16/BF16 throughput, FLOP/s, for
 *       norms, element-wise work and embeddings; absent, those kernels' arithmetic is priced like a large GEMM's
 *       ({@code efficiency.gemmCeiling} × tensor peak), which only matters for kernels that are not memory-bound.</li>
 *   <li>{@code scaleUp.switched} — 1 when every pair of chips in the scale-up domain has its own direct path
 *       (NVSwitch, a fully connected xGMI or RoCE mesh), so small all-reduces take one- or two-shot algorithms; 0,
 *       the fallback, for rings and tori.</li>
 *   <li>{@code efficiency.scaleUpBandwidth}, {@code efficiency.scaleOutBandwidth} — fraction of the link rate a
 *       collective library sustains; absent, 1 (line rate).</li>
 *   <li>{@code price.purchaseUsd}, {@code price.usdPerChipHour}.</li>
 * </ul>
 */
final class GpuFigures {
    static final String PEAK_FLOPS_PREFIX = "peak.flopsPerSecond.";
    static final String HBM_CAPACITY = "hbm.capacityBytes";
    static final String HBM_BANDWIDTH = "hbm.bytesPerSecond";
    static final String HBM_USABLE = "hbm.usableFraction";
    static final String HOST_CAPACITY = "host.capacityBytes";
    static final String HOST_BANDWIDTH = "host.bytesPerSecond";
    static final String HOST_USABLE = "host.usableFraction";
    static final String LAUNCH_SECONDS = "kernel.launchSeconds";
    static final String VECTOR_FLOPS = "vector.flopsPerSecond";
    static final String GEMM_CEILING = "efficiency.gemmCeiling";
    static final String GEMM_HALF_TOKENS = "efficiency.gemmHalfTokens";
    static final String ATTENTION_CEILING = "efficiency.attentionCeiling";
    static final String ATTENTION_HALF_TOKENS = "efficiency.attentionHalfTokens";
    static final String HBM_EFFICIENCY = "efficiency.hbmBandwidth";
    static final String HOST_EFFICIENCY = "efficiency.hostBandwidth";
    static final String SCALE_UP_EFFICIENCY = "efficiency.scaleUpBandwidth";
    static final String SCALE_OUT_EFFICIENCY = "efficiency.scaleOutBandwidth";
    static final String SCALE_UP_CHIPS = "scaleUp.domainChips";
    static final String SCALE_UP_BANDWIDTH = "scaleUp.bytesPerSecond";
    static final String SCALE_UP_LATENCY = "scaleUp.latencySeconds";
    static final String SCALE_UP_SWITCHED = "scaleUp.switched";
    static final String SCALE_OUT_BANDWIDTH = "scaleOut.bytesPerSecond";
    static final String SCALE_OUT_LATENCY = "scaleOut.latencySeconds";
    static final String IDLE_WATTS = "power.idleWatts";
    static final String PEAK_WATTS = "power.peakWatts";
    static final String NODE_WATTS = "node.overheadWattsPerChip";
    static final String PURCHASE_USD = "price.purchaseUsd";
    static final String USD_PER_HOUR = "price.usdPerChipHour";

    /** Tier names. */
    static final String HBM = "hbm";
    static final String HOST = "host";

    private GpuFigures() {
    }
}
