/**
 * The serving simulator: a discrete-event replay of traffic through a split or colocated deployment, request by
 * request, priced with the estimator's step costs through step-cost tables. Public API: {@link
 * org.splitinfer.core.sim.Simulator}, the run's description ({@link org.splitinfer.core.sim.SimulationSpec}) and its
 * typed result ({@link org.splitinfer.core.sim.SimulationResult}).
 */
package org.splitinfer.core.sim;
