/**
 * Error bands: the interval every predicted figure carries, from the leave-one-out residuals of the validation cases
 * nearest to it ({@link org.splitinfer.core.band.BandMethod} documents the method).
 */
package org.splitinfer.core.band;
