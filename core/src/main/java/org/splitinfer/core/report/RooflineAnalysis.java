package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Residency;
import org.splitinfer.spi.Roofline;
import org.splitinfer.spi.Status;

/**
 * A chip's ridge points and, for a step of a model, where each kernel sits on its roofline.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>A ridge point is {@code peak(precision) ÷ bandwidth(tier)}: a kernel whose arithmetic intensity (FLOPs per
 *       byte moved) is below it is memory-bound.</li>
 *   <li>A kernel's attained throughput is {@code totalFlops ÷ roofline.kernelSeconds}, its operands where the
 *       family's full-speed placement puts them: the weights and the batch's KV cache
 *       ({@code sequences × (context + new tokens)} tokens) over the layout's chips.</li>
 *   <li>A kernel is memory-bound when its intensity is below the ridge of its precision over its effective
 *       bandwidth: the harmonic mix of the tiers its bytes come from, weighted by those bytes.</li>
 * </ul>
 *
 * @param accelerator the chip
 * @param ridges      one ridge point per compute format and memory tier
 * @param step        the step analysed, if any
 * @param residency   where the step's operands live, if a step was analysed
 * @param kernels     the step's kernels on the roofline (empty without a step)
 * @since 0.1
 */
public record RooflineAnalysis(Accelerator accelerator, List<RidgePoint> ridges, Optional<RooflineStep> step,
                               Optional<Residency> residency, List<KernelPoint> kernels) {
    /** Copies the lists. */
    public RooflineAnalysis {
        ridges = List.copyOf(ridges);
        kernels = List.copyOf(kernels);
    }

    /**
     * Analyses a chip, and a step on it when one is given.
     *
     * @param accelerator the chip
     * @param step        the step, or null for the ridge points alone
     * @return the analysis
     * @throws org.splitinfer.spi.UnsupportedPrecisionException when the chip cannot compute a kernel's format
     */
    public static RooflineAnalysis of(Accelerator accelerator, RooflineStep step) {
        List<RidgePoint> ridges = new ArrayList<>();
        Roofline roofline = accelerator.roofline();
        for (Precision precision : roofline.computePrecisions()) {
            double peak = roofline.peakFlopsPerSecond(precision);
            for (MemoryTier tier : accelerator.memory().tiers()) {
                ridges.add(new RidgePoint(precision, peak, tier));
            }
        }
        if (step == null) {
            return new RooflineAnalysis(accelerator, ridges, Optional.empty(), Optional.empty(), List.of());
        }
        Footprint footprint = new Footprint(step.model().weightBytes(step.precision()),
                step.model().kvBytesPerToken(step.precision().kvCache()),
                step.batch().priorContextTokens() + step.batch().newTokens(), 0);
        Residency residency = accelerator.memory().place(footprint, step.layout().chips()).residency();
        List<KernelPoint> points = new ArrayList<>();
        for (Kernel kernel : step.work().kernels()) {
            double seconds = roofline.kernelSeconds(kernel, residency);
            double bytes = kernel.totalBytes();
            double intensity = bytes == 0 ? 0 : kernel.totalFlops() / bytes;
            double attained = seconds == 0 ? 0 : kernel.totalFlops() / seconds;
            double ridge = roofline.peakFlopsPerSecond(kernel.precision())
                    / effectiveBytesPerSecond(accelerator, kernel, residency);
            KernelBound bound = kernel.totalFlops() == 0 ? KernelBound.MEMORY_WITHOUT_FLOPS
                    : intensity < ridge ? KernelBound.MEMORY : KernelBound.COMPUTE;
            points.add(new KernelPoint(kernel, seconds, intensity, attained, ridge, bound));
        }
        return new RooflineAnalysis(accelerator, ridges, Optional.of(step), Optional.of(residency), points);
    }

    /** Bytes ÷ Σ (bytes of a class ÷ bandwidth of its tier): the bandwidth a kernel's byte mix sees. */
    private static double effectiveBytesPerSecond(Accelerator accelerator, Kernel kernel, Residency residency) {
        OperandBytes moved = kernel.bytesMoved();
        double seconds = 0;
        for (OperandClass operand : OperandClass.values()) {
            seconds += moved.of(operand) / accelerator.memory().tier(residency.tierOf(operand)).bytesPerSecond();
        }
        if (seconds == 0) {
            return accelerator.memory().tier(residency.weightsTier()).bytesPerSecond();
        }
        return moved.total() / seconds;
    }

    /**
     * The plot: one ceiling per format, one slope per tier, each kernel that has FLOPs and bytes (a log-log plot
     * has no place for the others).
     *
     * @return the chart, titled with the chip, the step and the chip's status when it is not shipping
     */
    public RooflineChart chart() {
        List<RooflineChart.Ceiling> ceilings = new ArrayList<>();
        for (Precision precision : accelerator.roofline().computePrecisions()) {
            ceilings.add(new RooflineChart.Ceiling(precision.name(),
                    accelerator.roofline().peakFlopsPerSecond(precision)));
        }
        List<RooflineChart.Slope> slopes = new ArrayList<>();
        for (MemoryTier tier : accelerator.memory().tiers()) {
            slopes.add(new RooflineChart.Slope(tier.name(), tier.bytesPerSecond()));
        }
        List<RooflineChart.Point> dots = new ArrayList<>();
        for (KernelPoint point : kernels) {
            if (point.flopsPerByte() > 0 && point.attainedFlopsPerSecond() > 0) {
                dots.add(new RooflineChart.Point(point.kernel().name(), point.flopsPerByte(),
                        point.attainedFlopsPerSecond()));
            }
        }
        String title = step.map(this::title).orElse(accelerator.id() + " roofline");
        if (accelerator.spec().status() != Status.SHIPPING) {
            title += " [" + accelerator.spec().status().name().toLowerCase(Locale.ROOT) + "]";
        }
        return new RooflineChart(title, ceilings, slopes, dots);
    }

    /**
     * @param analysed the step
     * @return e.g. {@code h100-sxm: llama-3.1-8b decode (batch 1, new tokens 1, context 4096, tensor 1 × pipeline 1)}
     */
    public String title(RooflineStep analysed) {
        return accelerator.id() + ": " + analysed.model().id() + " "
                + analysed.batch().phase().name().toLowerCase(Locale.ROOT) + " (batch " + analysed.batch().sequences()
                + ", new tokens " + analysed.batch().newTokens() + ", context "
                + analysed.batch().priorContextTokens() / analysed.batch().sequences() + ", tensor "
                + analysed.layout().tensor() + " × pipeline " + analysed.layout().pipeline() + ")";
    }
}
