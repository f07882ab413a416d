package org.splitinfer.spi;

import java.util.List;

/**
 * One phase step as one chip of one pipeline stage sees it: the kernels that chip runs, where its
 * operands live, and the layout it is part of.
 *
 * @param phase      prefill or decode
 * @param kernels    kernels of one chip for this step; collectives are priced separately by {@link Interconnect}
 * @param residency  where operands live
 * @param layout     the instance's layout; {@code layout.pipeline()} stages run alike kernels in sequence
 * @param layers     transformer layers this chip runs in this step, {@code >= 0}
 * @param sequences  sequences in the batch, {@code >= 1}
 * @since 0.1
 */
public record Step(Phase phase, List<Kernel> kernels, Residency residency, ParallelLayout layout, int layers,
                   int sequences) {
    /** Validates the fields. */
    public Step {
        Names.requireNonNull("step phase", phase);
        // List.copyOf returns an already-immutable list itself, so a host that passes List.of(...) pays no copy.
        kernels = List.copyOf(Names.requireNonNull("step kernels", kernels));
        Names.requireNonNull("step residency", residency);
        Names.requireNonNull("step layout", layout);
        if (layers < 0) {
            throw new IllegalArgumentException("step layers must be >= 0, got " + layers);
        }
        Names.requirePositive("step sequences", sequences);
    }
}
