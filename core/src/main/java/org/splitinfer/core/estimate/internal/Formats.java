package org.splitinfer.core.estimate.internal;

import java.util.Locale;
import org.splitinfer.core.model.ModelPrecision;

/** How a pool's formats are shown: one name when all three agree, else each with its tensor-group overrides. */
final class Formats {
    private Formats() {
    }

    static String label(ModelPrecision precision) {
        StringBuilder weights = new StringBuilder(precision.weights().name());
        precision.weightOverrides().forEach((group, format) -> weights.append(" (")
                .append(group.name().toLowerCase(Locale.ROOT)).append('=').append(format.name()).append(')'));
        if (precision.weights().equals(precision.activations()) && precision.weights().equals(precision.kvCache())
                && precision.weightOverrides().isEmpty()) {
            return weights.toString();
        }
        return "weights=" + weights + ",activations=" + precision.activations().name() + ",kv="
                + precision.kvCache().name();
    }
}
