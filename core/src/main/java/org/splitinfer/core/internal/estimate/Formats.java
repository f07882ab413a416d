package org.splitinfer.core.internal.estimate;

import java.util.List;
import org.splitinfer.core.model.ModelPrecision;
import org.splitinfer.core.model.ModelSpec;
import org.splitinfer.spi.Accelerator;
import org.splitinfer.spi.Precision;

/**
 * The formats a pool runs when the user names none: the model's own formats where the chip computes them, else
 * the first format of {@code bf16, fp16, bfp8, fp8, int8} the chip computes, else its first format.
 */
final class Formats {
    private static final List<Precision> PREFERENCE =
            List.of(Precision.BF16, Precision.FP16, Precision.BFP8, Precision.FP8, Precision.INT8);

    private Formats() {
    }

    static ModelPrecision preferred(Accelerator accelerator, ModelSpec model) {
        List<Precision> computes = accelerator.roofline().computePrecisions();
        ModelPrecision native_ = model.nativePrecision();
        if (computes.contains(native_.activations()) && computes.contains(native_.kvCache())) {
            return native_;
        }
        for (Precision precision : PREFERENCE) {
            if (computes.contains(precision)) {
                return ModelPrecision.uniform(precision);
            }
        }
        return ModelPrecision.uniform(computes.get(0));
    }

    static String label(ModelPrecision precision) {
        StringBuilder weights = new StringBuilder(precision.weights().name());
        precision.weightOverrides().forEach((group, format) -> weights.append(" (")
                .append(group.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(format.name()).append(')'));
        if (precision.weights().equals(precision.activations()) && precision.weights().equals(precision.kvCache())
                && precision.weightOverrides().isEmpty()) {
            return weights.toString();
        }
        return "weights=" + weights + ",activations=" + precision.activations().name() + ",kv="
                + precision.kvCache().name();
    }
}
