package org.splitinfer.core.workload;

/**
 * (prompt, output) pairs drawn uniformly from a trace's rows, jointly: a request gets one row's prompt and that
 * same row's answer, so whatever ties the two in the trace is kept. Obtained from {@link TraceWorkload#lengths()}
 * or {@link LengthDistribution#empirical}. Immutable and thread-safe.
 *
 * <h2>Notes</h2>
 * A trace of up to 1,048,576 (2^20) rows is held whole (8 bytes a row). A longer one is held as
 * a uniform sample of that many rows, chosen in one pass by reservoir sampling (Vitter's Algorithm R, ACM TOMS
 * 11(1), 1985) with a fixed seed, so it is the same sample every time; {@link #stats()} then describes the sample,
 * which is what is drawn.
 *
 * @since 0.1
 */
public final class EmpiricalLengths implements LengthDistribution {
    private final String traceName;
    private final int[] inputTokens;
    private final int[] outputTokens;
    private final long traceRows;
    private final WorkloadStats stats;

    /**
     * @param traceName    the trace's name, for {@link #toString()}
     * @param inputTokens  the held rows' prompt lengths, never modified afterwards
     * @param outputTokens the held rows' output lengths, as many, never modified afterwards
     * @param traceRows    the rows of the whole trace (more than held when sampled)
     */
    EmpiricalLengths(String traceName, int[] inputTokens, int[] outputTokens, long traceRows) {
        this.traceName = traceName;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.traceRows = traceRows;
        long inputSum = 0;
        long outputSum = 0;
        int inputMax = 0;
        int outputMax = 0;
        for (int i = 0; i < inputTokens.length; i++) {
            inputSum += inputTokens[i];
            outputSum += outputTokens[i];
            inputMax = Math.max(inputMax, inputTokens[i]);
            outputMax = Math.max(outputMax, outputTokens[i]);
        }
        this.stats = new WorkloadStats((double) inputSum / inputTokens.length, (double) outputSum / outputTokens.length,
                inputMax, outputMax);
    }

    @Override
    public WorkloadStats stats() {
        return stats;
    }

    /** @return the number of (prompt, output) pairs drawn from: the trace's rows, or the sample's size */
    public int pairs() {
        return inputTokens.length;
    }

    /** @return whether the trace was longer than what is held, so the pairs are a uniform sample of its rows */
    public boolean sampled() {
        return traceRows > inputTokens.length;
    }

    /** @return the name of the trace the pairs come from */
    public String traceName() {
        return traceName;
    }

    int inputTokens(int pair) {
        return inputTokens[pair];
    }

    int outputTokens(int pair) {
        return outputTokens[pair];
    }

    @Override
    public String toString() {
        return "EmpiricalLengths[" + traceName + ", " + pairs() + " pairs" + (sampled() ? " sampled from " + traceRows
                + " rows" : "") + "]";
    }
}
