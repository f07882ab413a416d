package org.splitinfer.core.report;

/**
 * What limits a kernel on a chip's roofline.
 *
 * @since 0.1
 */
public enum KernelBound {
    /** Its arithmetic intensity is below the ridge: bandwidth limits it. */
    MEMORY,
    /** Its arithmetic intensity is at or above the ridge: peak throughput limits it. */
    COMPUTE,
    /** It does no arithmetic (an embedding lookup): it only moves bytes. */
    MEMORY_WITHOUT_FLOPS
}
