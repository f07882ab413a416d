package org.splitinfer.core.workload;

import java.util.Objects;

/**
 * Prompt and output lengths drawn independently, each from its own clamped lognormal ({@link LognormalTokens}).
 * Independence is an assumption: in the Azure 2023 traces prompt and answer lengths are only weakly related; use
 * {@link EmpiricalLengths} to keep a trace's pairs together.
 *
 * @param input  the prompt's distribution
 * @param output the answer's distribution
 * @since 0.1
 */
public record LognormalLengths(LognormalTokens input, LognormalTokens output) implements LengthDistribution {

    /** Checks that both dimensions are given. */
    public LognormalLengths {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    @Override
    public WorkloadStats stats() {
        return new WorkloadStats(input.meanTokens(), output.meanTokens(), input.maxTokens(), output.maxTokens());
    }
}
