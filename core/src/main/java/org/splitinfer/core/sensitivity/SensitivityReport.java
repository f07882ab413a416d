package org.splitinfer.core.sensitivity;

import java.util.List;
import org.splitinfer.core.estimate.Estimate;

/**
 * A sensitivity analysis: the base estimate, and every parameter ranked by the magnitude of its elasticity (those
 * with none last, in the order they were perturbed).
 *
 * @param metric     the figure differentiated
 * @param step       the relative step either way, e.g. {@code 0.1}
 * @param base       the estimate at the base values
 * @param baseMetric the metric there
 * @param ranked     the parameters
 * @since 0.2
 */
public record SensitivityReport(SensitivityMetric metric, double step, Estimate base, double baseMetric,
                                List<Elasticity> ranked) {
    /** Copies the list. */
    public SensitivityReport {
        ranked = List.copyOf(ranked);
    }
}
