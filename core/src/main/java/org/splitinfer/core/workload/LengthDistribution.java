package org.splitinfer.core.workload;

import java.nio.file.Path;

/**
 * How long a request's prompt and answer are: {@linkplain #fixed fixed}, {@linkplain #lognormal lognormal} per
 * dimension, or {@linkplain #empirical drawn from a trace's rows}. A synthetic workload draws both lengths of a
 * request from the run's {@code "lengths"} random stream, apart from its arrivals. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface LengthDistribution permits FixedLengths, LognormalLengths, EmpiricalLengths {

    /** @return the mean and largest prompt and output lengths it draws */
    WorkloadStats stats();

    /**
     * Every request the same.
     *
     * @param inputTokens  prompt tokens, {@code >= 1}
     * @param outputTokens output tokens, {@code >= 1}
     * @return the distribution
     * @throws WorkloadException when a length is below 1
     */
    static FixedLengths fixed(int inputTokens, int outputTokens) {
        return new FixedLengths(inputTokens, outputTokens);
    }

    /**
     * Prompt and output lengths drawn independently, each lognormal and clamped to {@code [1, max]}.
     *
     * @param input  the prompt's median, spread and bound
     * @param output the answer's median, spread and bound
     * @return the distribution
     */
    static LognormalLengths lognormal(LognormalTokens input, LognormalTokens output) {
        return new LognormalLengths(input, output);
    }

    /**
     * (prompt, output) pairs of a trace's rows, drawn uniformly and jointly, so a trace's long prompts keep their
     * answers. Reads the trace once; see {@link TraceWorkload#lengths()}.
     *
     * @param trace       a trace file, in one of the {@linkplain TraceFormat formats}
     * @param skipBadRows whether to skip (and count) bad rows rather than refuse the file
     * @return the distribution
     * @throws WorkloadException when the file cannot be read, is empty, or has a bad row and bad rows are not skipped
     */
    static EmpiricalLengths empirical(Path trace, boolean skipBadRows) {
        return Workloads.trace(trace, skipBadRows).lengths();
    }
}
