/**
 * Sensitivity of an estimate to its inputs: {@link org.splitinfer.core.sensitivity.SensitivityAnalysis} perturbs
 * each figure of the pipeline's chips (through the what-if overrides the plugins read), of its KV link and of the
 * cost assumptions by a relative step either way, and ranks them by their elasticity on one metric.
 */
package org.splitinfer.core.sensitivity;
