/**
 * Sweeps: a grid of models, workloads, rates, SLOs, hardware sets, figure overrides and objectives, expanded into
 * points ({@link org.splitinfer.core.sweep.SweepGrid}), each planned or simulated
 * ({@link org.splitinfer.core.sweep.PointEvaluator}) into one row ({@link org.splitinfer.core.sweep.SweepRow}), run
 * on local cores and written as CSV that a sweep resumes from ({@link org.splitinfer.core.sweep.SweepRunner}), or as
 * Parquet ({@link org.splitinfer.core.sweep.ParquetRows}).
 */
package org.splitinfer.core.sweep;
