package org.splitinfer.spi;

/**
 * The typed shape of a {@link Kernel}, for rooflines whose efficiency depends on it (skinny GEMMs,
 * short attention). The host emits {@link GemmShape}, {@link AttentionShape}, {@link ElementwiseShape}
 * and {@link LookupShape}; a roofline that meets another implementation should fall back to the
 * kernel's FLOPs and bytes alone.
 *
 * @since 0.1
 */
public interface KernelShape {
}
