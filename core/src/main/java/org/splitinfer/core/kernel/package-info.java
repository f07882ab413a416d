/**
 * Kernel decomposition: {@link org.splitinfer.core.kernel.KernelPlanner} turns a model, a precision, a
 * {@link org.splitinfer.core.kernel.StepBatch} and a parallel layout into the
 * {@link org.splitinfer.core.kernel.StepWork} one chip runs: SPI kernels and collectives.
 */
package org.splitinfer.core.kernel;
