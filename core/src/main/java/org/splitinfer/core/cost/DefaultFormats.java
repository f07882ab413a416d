package org.splitinfer.core.cost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.splitinfer.core.kernel.KernelPlanner;
import org.splitinfer.core.kernel.StepBatch;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Kernel;
import org.splitinfer.spi.ParallelLayout;
import org.splitinfer.spi.Precision;
import org.splitinfer.spi.Roofline;

/**
 * The formats a model runs in on a chip when the user names none — one rule for {@code estimate}, {@code fit},
 * the simulator and the planner:
 * <ol>
 *   <li>the model's native formats, when the chip computes every format its kernels run in (a GEMM runs in the
 *       wider of its weight and activation formats and the embedding lookup in the activation format, per
 *       {@link KernelPlanner}, so weights narrower than the activations need not be computable);</li>
 *   <li>else BF16 throughout, when the chip computes BF16;</li>
 *   <li>else FP16 throughout, when it computes FP16;</li>
 *   <li>else, throughout, the chip's well-known format of at least 8 bits with the highest peak (the first
 *       listed on a tie).</li>
 * </ol>
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DefaultFormats {

    private DefaultFormats() {
    }

    /**
     * Chooses the formats.
     *
     * @param model         the model
     * @param roofline      the chip's roofline
     * @param acceleratorId the chip's id, for the error
     * @return the formats and the rule that chose them
     * @throws FormatException when the chip computes no well-known format of 8 bits or more (names the field
     *                         {@code precision})
     */
    public static FormatChoice choose(ModelSpec model, Roofline roofline, String acceleratorId) {
        Set<String> computable = new LinkedHashSet<>();
        for (Precision precision : roofline.computePrecisions()) {
            computable.add(precision.name());
        }
        ModelPrecision nativePrecision = model.nativePrecision();
        Set<String> needed = computeFormats(model, nativePrecision);
        if (computable.containsAll(needed)) {
            return new FormatChoice(nativePrecision, FormatRule.NATIVE, List.of());
        }
        List<String> missing = new ArrayList<>(needed);
        missing.removeAll(computable);
        if (computable.contains(Precision.BF16.name())) {
            return new FormatChoice(ModelPrecision.uniform(Precision.BF16), FormatRule.BF16_FALLBACK, missing);
        }
        if (computable.contains(Precision.FP16.name())) {
            return new FormatChoice(ModelPrecision.uniform(Precision.FP16), FormatRule.FP16_FALLBACK, missing);
        }
        Precision best = null;
        double bestPeak = 0;
        for (Precision precision : roofline.computePrecisions()) {
            Optional<Precision> known = Precision.wellKnown(precision.name());
            if (known.isEmpty() || known.get().bitsPerElement() < 8) {
                continue;
            }
            double peak = roofline.peakFlopsPerSecond(precision);
            if (peak > bestPeak) {
                best = known.get();
                bestPeak = peak;
            }
        }
        if (best == null) {
            throw new FormatException("'" + acceleratorId + "' computes no well-known format of 8 bits or more (it"
                    + " computes " + String.join(", ", computable) + "); name the formats in precision", null,
                    List.of("precision"));
        }
        return new FormatChoice(ModelPrecision.uniform(best), FormatRule.HIGHEST_PEAK_FALLBACK, missing);
    }

    /**
     * The formats a model's kernels compute in at a precision (prefill and decode).
     *
     * @param model     the model
     * @param precision its formats
     * @return format names, in first-use order
     */
    public static Set<String> computeFormats(ModelSpec model, ModelPrecision precision) {
        KernelPlanner planner = new KernelPlanner(model, precision);
        Set<String> formats = new LinkedHashSet<>();
        for (StepBatch batch : List.of(StepBatch.prefill(1, 2, 0), StepBatch.decode(1, 1))) {
            for (Kernel kernel : planner.plan(batch, ParallelLayout.SINGLE).kernels()) {
                formats.add(kernel.precision().name());
            }
        }
        return formats;
    }
}
