package org.splitinfer.plugin.wafer;

/**
 * The wafer's on-chip mesh as a cost model: what it takes to spread a vector over a block of cores and to sum
 * partial results back, in the spatial-computer model that Luczynski et al. validated on a CS-2 ("Near-Optimal
 * Wafer-Scale Reduce", HPDC 2024, arXiv:2404.15888).
 *
 * <p><b>The model.</b> A collective on the mesh takes {@code T = max(C, E/N + L) + (2 T_R + 1) D} cycles: {@code L}
 * the longest path in hops (one cycle a hop), {@code C} the wavelets the busiest core receives, {@code E/N} the
 * wavelets per link, {@code D} the dependent steps (each a round trip from a core's router to its processor and back,
 * {@code T_R} cycles each way, plus one cycle of work). A wavelet carries 32 bits ({@value #WAVELET_BYTES} bytes).
 * Over one side of a block of {@code side × side} cores, with {@code v} wavelets streamed through each link:
 * <pre>
 *   broadcast(side, v) = (side − 1) × hop + v + (2 T_R + 1)                  one dependent step: the routers multicast
 *   reduce(side, v)    = (side − 1) × hop + v + (2 T_R + 1) × log2 side     a tree of partial sums
 * </pre>
 * The stream and the distance are added, not overlapped (a stream of {@code v} wavelets arrives {@code L} cycles
 * after it starts); the reduce takes the tree's depth, the bound the paper's generated algorithms come close to,
 * rather than a chain's {@code side − 1} dependent adds.
 *
 * @param cores       cores on the wafer ({@code fabric.cores})
 * @param clockHertz  core and fabric clock ({@code fabric.clockHertz})
 * @param hopCycles   cycles for a wavelet to cross one link ({@code fabric.hopCycles})
 * @param rampCycles  cycles between a core's router and its processor, one way ({@code fabric.rampCycles}, the
 *                    paper's {@code T_R})
 */
record WaferFabric(double cores, double clockHertz, double hopCycles, double rampCycles) {

    /** Payload of one wavelet, the fabric's unit of transfer: 32 bits. */
    static final double WAVELET_BYTES = 4;

    /**
     * Cycles to multicast {@code wavelets} down one side of a square block.
     *
     * @param side     cores along the side, {@code >= 1}
     * @param wavelets wavelets through each link, {@code >= 0}
     * @return cycles
     */
    double broadcastCycles(double side, double wavelets) {
        return (side - 1) * hopCycles + wavelets + dependentStepCycles();
    }

    /**
     * Cycles to sum partial results along one side of a square block.
     *
     * @param side     cores along the side, {@code >= 1}
     * @param wavelets wavelets of partial results each core contributes, {@code >= 0}
     * @return cycles
     */
    double reduceCycles(double side, double wavelets) {
        return (side - 1) * hopCycles + wavelets + dependentStepCycles() * treeDepth(side);
    }

    /** One dependent step: router to processor, one cycle of work, processor back to router. */
    double dependentStepCycles() {
        return 2 * rampCycles + 1;
    }

    /**
     * @param cycles fabric cycles
     * @return seconds
     */
    double seconds(double cycles) {
        return cycles / clockHertz;
    }

    /**
     * Levels of a binary tree over {@code side} cores: {@code log2 side}, 0 for one core. Taken fractional, not
     * rounded up: a block's side is an average over a region that is only roughly square, and a whole number of
     * levels would make the cost jump wherever a region's side crosses a power of two.
     */
    static double treeDepth(double side) {
        return side <= 1 ? 0 : Math.log(side) / Math.log(2);
    }
}
