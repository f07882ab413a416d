package org.splitinfer.core.fit;

import org.splitinfer.core.model.ModelPrecision;

/**
 * Formats to fit a model in, and how they were chosen.
 *
 * @param precision the formats
 * @param reason    one sentence: given by the user, the model's native formats, or which fallback of
 *                  {@link ModelFitter#defaultPrecision} applied and why
 * @since 0.1
 */
public record PrecisionChoice(ModelPrecision precision, String reason) {
}
