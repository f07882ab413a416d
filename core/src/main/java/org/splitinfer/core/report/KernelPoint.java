package org.splitinfer.core.report;

import org.splitinfer.spi.Kernel;

/**
 * One kernel placed on a chip's roofline.
 *
 * @param kernel                 the kernel (all its invocations)
 * @param seconds                the plugin's time for it, with its operands where the full-speed placement puts them
 * @param flopsPerByte           arithmetic intensity: total FLOPs ÷ total bytes moved (0 when it moves nothing)
 * @param attainedFlopsPerSecond total FLOPs ÷ {@code seconds} (0 when the time is 0)
 * @param ridgeFlopsPerByte      the ridge of its format over the bandwidth its byte mix sees
 * @param bound                  what limits it
 * @since 0.1
 */
public record KernelPoint(Kernel kernel, double seconds, double flopsPerByte, double attainedFlopsPerSecond,
                          double ridgeFlopsPerByte, KernelBound bound) {
}
