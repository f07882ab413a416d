/**
 * Calibration: serving-stack profiles and per-family collective latency fitted to published measurements, the
 * predictor that answers validation cases with the estimator, and the reproducible fit.
 */
package org.splitinfer.core.calibration;
