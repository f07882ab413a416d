/**
 * The SplitInfer hardware SPI: the contract an accelerator plugin implements.
 *
 * <p>A plugin is a jar with one {@link org.splitinfer.spi.AcceleratorProvider} registered for
 * {@link java.util.ServiceLoader}. The host (SplitInfer core) asks each provider for its
 * {@link org.splitinfer.spi.Accelerator}s; each accelerator id names one chip (one package with its own
 * memory), never a card or a system. The host decomposes a model's phase step into
 * {@link org.splitinfer.spi.Kernel}s and asks the chip's {@link org.splitinfer.spi.Roofline},
 * {@link org.splitinfer.spi.MemoryModel}, {@link org.splitinfer.spi.Interconnect} and
 * {@link org.splitinfer.spi.PowerModel} what they cost.
 *
 * <p>Conventions that hold for every type in this package:
 * <ul>
 *   <li>Quantities are {@code double}s in SI base units named in the member name
 *       ({@code bytesPerSecond}, {@code flopsPerSecond}, {@code seconds}, {@code watts}); bytes are
 *       decimal (GB = 10^9 bytes).</li>
 *   <li>Records validate in their compact constructors and throw {@link java.lang.IllegalArgumentException}
 *       naming the field and the value; no member returns or accepts {@code null} unless its Javadoc says so.</li>
 *   <li>Every method is a pure function of its arguments and thread-safe: the host caches results and
 *       calls plugins from several threads.</li>
 *   <li>Families, kernel kinds, collective kinds and precisions are open value records with well-known
 *       constants, so a vendor can add its own without a new SPI release.</li>
 *   <li>New methods arrive as {@code default} methods with {@code @since}; this package depends on the JDK only.</li>
 * </ul>
 *
 * @since 0.1
 */
package org.splitinfer.spi;
