package org.splitinfer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splitinfer.core.error.internal.FigureAudit;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Footprint;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.MemoryTier;
import org.splitinfer.spi.OperandBytes;
import org.splitinfer.spi.OperandClass;
import org.splitinfer.spi.Placement;
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
 *   <li>When the step's weights and KV cache do not fit the full-speed tiers of the layout's chips
 *       ({@link Placement#fitsFullSpeed()} is false), the times are still those of the full-speed placement: the
 *       chart says so in a warning rather than plotting speeds the chips could not reach.</li>
 * </ul>
 *
 * @param accelerator the chip
 * @param ridges      one ridge point per compute format and memory tier
 * @param step        the step analysed, if any
 * @param residency   where the step's operands live, if a step was analysed
 * @param kernels     the step's kernels on the roofline (empty without a step)
 * @param placement   the full-speed placement of the step's weights and KV cache on the layout's chips, if a step
 *                    was analysed
 * @since 0.1
 */
public record RooflineAnalysis(Accelerator accelerator, List<RidgePoint> ridges, Optional<RooflineStep> step,
                               Optional<Residency> residency, List<KernelPoint> kernels,
                               Optional<Placement> placement) {
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
            return FigureAudit.requireSound(new RooflineAnalysis(accelerator, ridges, Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty()), "roofline analysis", accelerator.id(),
                    accelerator.id());
        }
        Footprint footprint = new Footprint(step.model().weightBytes(step.precision()),
                step.model().kvBytesPerToken(step.precision().kvCache()),
                step.batch().priorContextTokens() + step.batch().newTokens(), 0);
        Placement placement = accelerator.memory().place(footprint, step.layout().chips());
        Residency residency = placement.residency();
        List<KernelPoint> points = new ArrayList<>();
        for (Kernel kernel : step.work(roofline.computePrecisions()).kernels()) {
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
        return FigureAudit.requireSound(new RooflineAnalysis(accelerator, ridges, Optional.of(step),
                Optional.of(residency), points, Optional.of(placement)), "roofline analysis", accelerator.id(),
                accelerator.id());
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
     * has no place for the others), sized by its share of the time of all the step's kernels (those off the plot
     * included, so the shares shown may add up to less than 1).
     *
     * @return the chart, titled with the chip, the step and the chip's status when it is not shipping, with a warning
     *         when the step does not fit the full-speed memory of the layout's chips
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
        double stepSeconds = 0;
        for (KernelPoint point : kernels) {
            stepSeconds += point.seconds();
        }
        List<RooflineChart.Point> dots = new ArrayList<>();
        for (KernelPoint point : kernels) {
            if (point.flopsPerByte() > 0 && point.attainedFlopsPerSecond() > 0) {
                double share = stepSeconds > 0 ? Math.min(1, point.seconds() / stepSeconds) : 0;
                dots.add(new RooflineChart.Point(point.kernel().name(), point.flopsPerByte(),
                        point.attainedFlopsPerSecond(), share));
            }
        }
        String title = step.map(this::title).orElse(accelerator.id() + " roofline");
        if (accelerator.spec().status() != Status.SHIPPING) {
            title += " [" + accelerator.spec().status().name().toLowerCase(Locale.ROOT) + "]";
        }
        List<String> warnings = new ArrayList<>();
        if (placement.isPresent() && !placement.get().fitsFullSpeed()) {
            RooflineStep analysed = step.orElseThrow();
            int chips = analysed.layout().chips();
            double bytes = analysed.model().weightBytes(analysed.precision())
                    + analysed.model().kvBytesPerToken(analysed.precision().kvCache())
                    * (analysed.batch().priorContextTokens() + analysed.batch().newTokens());
            warnings.add("warning: the step's weights and KV cache (" + RooflineSvg.quantity(bytes, "B")
                    + ") do not fit the full-speed memory of " + chips + " " + accelerator.id() + " chip"
                    + (chips == 1 ? "" : "s") + "; times assume they did");
        }
        return new RooflineChart(title, ceilings, slopes, dots, warnings);
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
