package org.splitinfer.plugin.gpu;

import java.util.List;

import org.splitinfer.spi.AttentionShape;
import org.splitinfer.spi.GemmShape;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.KernelKind;
import org.splitinfer.spi.KernelShape;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.UnsupportedPrecisionException;

/**
 * Kernel times on one GPU-class chip: a roofline with achievable fractions and a launch cost.
 *
 * <p><b>Equation.</b> For a kernel of {@code count} invocations, each of F FLOPs in precision p moving
 * {@code b(c)} bytes of operand class c (read + written) from tier {@code t(c)}:
 * <pre>
 *   seconds = count × ( launch + max( F ÷ (peak(p) × f(kernel)),  Σ_c b(c) ÷ (bandwidth(t(c)) × e(t(c))) ) )
 * </pre>
 * <ul>
 *   <li>{@code launch} ({@code kernel.launchSeconds}): the gap a kernel adds on a stream even with CUDA Graphs
 *       (launch, prologue, tail wave). Paid per invocation, so many small kernels (decode at batch 1) pay it often.</li>
 *   <li>{@code f} for a GEMM (and an MoE router) of m rows: {@code gemmCeiling × m ÷ (m + gemmHalfTokens)}. Smooth and
 *       increasing in m; {@code F ÷ f} equals the time of a GEMM with {@code gemmHalfTokens} extra rows at the
 *       ceiling, which is how tile quantisation behaves: a decode GEMM with m = 1 still occupies whole 64- or
 *       128-row tensor-core tiles. The ceiling is the fraction large GEMMs reach (about 0.7–0.8 of dense peak on H100
 *       BF16 in cuBLAS sweeps).</li>
 *   <li>{@code f} for attention: {@code attentionCeiling × r ÷ (r + attentionHalfTokens)}, r = query rows per KV
 *       head = (queryTokens ÷ sequences) × (queryHeads ÷ kvHeads): FlashAttention tiles the query rows of one
 *       sequence and one KV head (decode kernels pack the GQA group into those rows), so prefill of long prompts
 *       approaches the ceiling (FlashAttention-3 reports up to 75% of H100 BF16 peak, Shah et al.,
 *       arXiv:2407.08608) and decode stays far below it.</li>
 *   <li>{@code f} for norms, element-wise work and embeddings: {@code vector.flopsPerSecond ÷ peak(p)} (at most 1),
 *       the non-tensor units' share; absent that figure, {@code gemmCeiling}. These kernels are memory-bound in
 *       practice (about one FLOP per byte), so the bandwidth term decides them.</li>
 *   <li>{@code f} for any other kind or shape: {@code gemmCeiling}.</li>
 *   <li>{@code e(t)}: the fraction of a tier's datasheet bandwidth streaming kernels reach
 *       ({@code efficiency.hbmBandwidth}, about 0.85–0.9 as STREAM-like copies show; {@code efficiency.hostBandwidth}
 *       for host memory).</li>
 * </ul>
 *
 * <p><b>Properties by construction.</b> Every fraction is in (0, 1] and launch is {@code >= 0}, so the time is never
 * below the plain roofline bound {@code count × max(F ÷ peak, Σ b ÷ bandwidth)}; the fractions depend on the shape
 * only, never on F or b, so the time is non-decreasing in FLOPs and bytes. Bytes in different tiers add: the model
 * assumes one stream does not overlap HBM and host transfers.
 *
 * <p><b>Precision.</b> A kernel computes in its {@link Kernel#precision()}; the chip must list a
 * {@code peak.flopsPerSecond.<p>} for it, otherwise {@link UnsupportedPrecisionException}. Storage formats narrower than
 * compute (int4 or fp4 weights on a chip without fp4 tensor cores) are the host's to express: it emits the kernel in a
 * compute precision the chip runs, with weight bytes at their storage size, as dequantise-in-GEMM kernels (Marlin,
 * AWQ) do.
 *
 * <p><b>Steps.</b> The default {@link Roofline#stepTiming} applies: a GPU runs a step's kernels back to back on one
 * stream, so a stage's time is their sum; launch cost is already inside each kernel's time.
 *
 * <p>Immutable and thread-safe; {@link #kernelSeconds} allocates nothing.
 */
final class GpuRoofline implements Roofline {
    private final String chipId;
    private final List<Precision> precisions;
    private final String[] precisionNames;
    private final double[] peakFlopsPerSecond;
    private final String[] tierNames;
    private final double[] effectiveBytesPerSecond;
    private final double launchSeconds;
    private final double gemmCeiling;
    private final double gemmHalfTokens;
    private final double attentionCeiling;
    private final double attentionHalfTokens;
    private final double vectorFlopsPerSecond;

    /**
     * @param chipId               the chip, for messages
     * @param precisions           compute precisions, in a stable order
     * @param peakFlopsPerSecond   dense peak per precision, same order, each {@code > 0}
     * @param tiers                the chip's memory tiers
     * @param bandwidthFractions   achievable fraction of each tier's bandwidth, same order, in (0, 1]
     * @param launchSeconds        per-invocation cost, {@code >= 0}
     * @param gemmCeiling          in (0, 1]
     * @param gemmHalfTokens       {@code >= 0}
     * @param attentionCeiling     in (0, 1]
     * @param attentionHalfTokens  {@code >= 0}
     * @param vectorFlopsPerSecond non-tensor throughput, or 0 when the sheet gives none
     */
    GpuRoofline(String chipId, List<Precision> precisions, double[] peakFlopsPerSecond, List<MemoryTier> tiers,
                double[] bandwidthFractions, double launchSeconds, double gemmCeiling, double gemmHalfTokens,
                double attentionCeiling, double attentionHalfTokens, double vectorFlopsPerSecond) {
        this.chipId = chipId;
        this.precisions = List.copyOf(precisions);
        this.precisionNames = new String[precisions.size()];
        for (int i = 0; i < precisionNames.length; i++) {
            precisionNames[i] = precisions.get(i).name();
        }
        this.peakFlopsPerSecond = peakFlopsPerSecond.clone();
        this.tierNames = new String[tiers.size()];
        this.effectiveBytesPerSecond = new double[tiers.size()];
        for (int i = 0; i < tierNames.length; i++) {
            tierNames[i] = tiers.get(i).name();
            effectiveBytesPerSecond[i] = tiers.get(i).bytesPerSecond() * bandwidthFractions[i];
        }
        this.launchSeconds = launchSeconds;
        this.gemmCeiling = gemmCeiling;
        this.gemmHalfTokens = gemmHalfTokens;
        this.attentionCeiling = attentionCeiling;
        this.attentionHalfTokens = attentionHalfTokens;
        this.vectorFlopsPerSecond = vectorFlopsPerSecond;
    }

    @Override
    public List<Precision> computePrecisions() {
        return precisions;
    }

    @Override
    public double peakFlopsPerSecond(Precision precision) {
        return peakFlopsPerSecond[precisionIndex(precision)];
    }

    @Override
    public double kernelSeconds(Kernel kernel, Residency residency) {
        double peak = peakFlopsPerSecond[precisionIndex(kernel.precision())];
        double computeSeconds = kernel.flops() == 0 ? 0 : kernel.flops() / (peak * computeFraction(kernel, peak));
        double memorySeconds =
                (kernel.bytesRead().weights() + kernel.bytesWritten().weights())
                        / effectiveBytesPerSecond[tierIndex(residency.weightsTier())]
                + (kernel.bytesRead().kvCache() + kernel.bytesWritten().kvCache())
                        / effectiveBytesPerSecond[tierIndex(residency.kvCacheTier())]
                + (kernel.bytesRead().activations() + kernel.bytesWritten().activations())
                        / effectiveBytesPerSecond[tierIndex(residency.activationsTier())];
        return kernel.count() * (launchSeconds + Math.max(computeSeconds, memorySeconds));
    }

    /**
     * The achievable fraction of dense peak for a kernel, in (0, 1].
     *
     * @param kernel the kernel
     * @param peak   its precision's dense peak
     * @return the fraction
     */
    double computeFraction(Kernel kernel, double peak) {
        KernelKind kind = kernel.kind();
        KernelShape shape = kernel.shape();
        if (shape instanceof GemmShape gemm && (KernelKind.GEMM.equals(kind) || KernelKind.ROUTER.equals(kind))) {
            double m = gemm.m();
            return gemmCeiling * m / (m + gemmHalfTokens);
        }
        if (shape instanceof AttentionShape attention && KernelKind.ATTENTION.equals(kind)) {
            double tokensPerSequence = Math.max(1.0, (double) attention.queryTokens() / attention.sequences());
            double rows = tokensPerSequence * Math.max(1.0, (double) attention.queryHeads() / attention.kvHeads());
            return attentionCeiling * rows / (rows + attentionHalfTokens);
        }
        if (KernelKind.NORM.equals(kind) || KernelKind.ELEMENTWISE.equals(kind) || KernelKind.EMBEDDING.equals(kind)) {
            return vectorFlopsPerSecond > 0 ? Math.min(1.0, vectorFlopsPerSecond / peak) : gemmCeiling;
        }
        return gemmCeiling;
    }

    private int precisionIndex(Precision precision) {
        String name = precision.name();
        for (int i = 0; i < precisionNames.length; i++) {
            if (precisionNames[i].equals(name)) {
                return i;
            }
        }
        throw new UnsupportedPrecisionException(chipId, precision, precisions);
    }

    private int tierIndex(String tier) {
        for (int i = 0; i < tierNames.length; i++) {
            if (tierNames[i].equals(tier)) {
                return i;
            }
        }
        throw new IllegalArgumentException(chipId + " has no memory tier '" + tier + "'; its tiers are "
                + List.of(tierNames) + ": place operands in one of those");
    }
}
