/**
 * Split and colocated pipelines, and the closed-form phase estimator: TTFT, TPOT, throughput, energy and cost of
 * any composition of installed backends. Public API of splitinfer-core: records and one facade,
 * {@link org.splitinfer.core.estimate.Estimator}; no Guice or Jackson types.
 */
package org.splitinfer.core.estimate;
