package org.splitinfer.core.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a trace's first full pass learns and keeps, shared by every stream of a {@link TraceWorkload} and by its
 * {@link #lengths()}: the {@link TraceSummary}, the length statistics, and the rows themselves when they are few
 * enough to hold, so that replays of a trace like the Azure chat trace read primitive arrays rather than parse the
 * file again. Immutable once read.
 *
 * <h2>Notes: memory</h2>
 * Up to {@link #MAX_ROWS_IN_MEMORY} rows are held at 16 bytes a row (a {@code long} arrival, two {@code int}
 * lengths): 16 MiB at most. A longer trace keeps no arrivals (each replay streams the file again) and a uniform
 * reservoir sample of that many (prompt, output) pairs for {@link EmpiricalLengths}.
 */
final class TraceData {
    /** 2^20 rows: 16 MiB held; the Azure traces have 8,819 and 19,366. */
    static final int MAX_ROWS_IN_MEMORY = 1 << 20;

    private final TraceSummary summary;
    private final WorkloadStats stats;
    private final long firstArrivalNanos;
    private final long[] arrivalNanos;
    private final int[] inputTokens;
    private final int[] outputTokens;
    private final EmpiricalLengths lengths;

    private TraceData(TraceSummary summary, WorkloadStats stats, long firstArrivalNanos, long[] arrivalNanos,
                      int[] inputTokens, int[] outputTokens, String name) {
        this.summary = summary;
        this.stats = stats;
        this.firstArrivalNanos = firstArrivalNanos;
        this.arrivalNanos = arrivalNanos;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.lengths = new EmpiricalLengths(name, inputTokens, outputTokens, summary.rows());
    }

    /**
     * Reads a trace through once.
     *
     * @param source          the trace
     * @param skipBadRows     whether bad rows are counted and skipped rather than refused
     * @param maxRowsInMemory the most rows to hold ({@link #MAX_ROWS_IN_MEMORY}; tests pass less)
     * @return what the pass found
     * @throws WorkloadException when the trace cannot be read, has a bad row (and bad rows are not skipped), or has
     *                           no good row
     */
    static TraceData read(TraceSource source, boolean skipBadRows, int maxRowsInMemory) {
        try (TraceReader reader = TraceReader.open(source, skipBadRows)) {
            int capacity = Math.min(1024, maxRowsInMemory);
            long[] arrivals = new long[capacity];
            int[] inputs = new int[capacity];
            int[] outputs = new int[capacity];
            SplittableRandom sampler = null;
            long rows = 0;
            long first = 0;
            long last = 0;
            long inputSum = 0;
            long outputSum = 0;
            int inputMax = 0;
            int outputMax = 0;
            while (reader.next()) {
                int input = reader.inputTokens();
                int output = reader.outputTokens();
                last = reader.arrivalNanos();
                if (rows == 0) {
                    first = last;
                }
                inputSum += input;
                outputSum += output;
                inputMax = Math.max(inputMax, input);
                outputMax = Math.max(outputMax, output);
                if (rows < maxRowsInMemory) {
                    if (rows == inputs.length) {
                        int grown = (int) Math.min((long) inputs.length * 2, maxRowsInMemory);
                        arrivals = Arrays.copyOf(arrivals, grown);
                        inputs = Arrays.copyOf(inputs, grown);
                        outputs = Arrays.copyOf(outputs, grown);
                    }
                    arrivals[(int) rows] = last - first;
                    inputs[(int) rows] = input;
                    outputs[(int) rows] = output;
                } else {
                    // Algorithm R: row number rows (0-based) replaces a held pair with probability held ÷ (rows + 1)
                    arrivals = null;
                    if (sampler == null) {
                        sampler = RandomStreams.named(0L, "trace sample");
                    }
                    long slot = sampler.nextLong(rows + 1);
                    if (slot < maxRowsInMemory) {
                        inputs[(int) slot] = input;
                        outputs[(int) slot] = output;
                    }
                }
                rows++;
            }
            if (rows == 0) {
                throw new WorkloadException(source.name() + ": the trace has no requests"
                        + (reader.skippedRows() > 0 ? " (all " + reader.skippedRows() + " rows are bad and were "
                        + "skipped)" : "") + "; give at least one row of arrival, prompt tokens and output tokens");
            }
            int held = (int) Math.min(rows, maxRowsInMemory);
            long span = last - first;
            long gap = Math.round((double) span / (rows - 1));
            // a span near a long's nanoseconds saturates: its first replay is then refused, never wrapped
            long shift = span == 0 ? 0 : span > Long.MAX_VALUE - gap ? Long.MAX_VALUE : span + gap;
            TraceSummary summary = new TraceSummary(reader.format(), rows, reader.skippedRows(), span, shift);
            WorkloadStats stats = new WorkloadStats((double) inputSum / rows, (double) outputSum / rows, inputMax,
                    outputMax);
            return new TraceData(summary, stats, first, arrivals == null ? null : Arrays.copyOf(arrivals, held),
                    Arrays.copyOf(inputs, held), Arrays.copyOf(outputs, held), source.name());
        }
    }

    TraceSummary summary() {
        return summary;
    }

    WorkloadStats stats() {
        return stats;
    }

    /** @return the first good row's arrival, in the format's own nanoseconds (arrivals are relative to it) */
    long firstArrivalNanos() {
        return firstArrivalNanos;
    }

    /** @return whether every row is held, so replays need not read the file */
    boolean held() {
        return arrivalNanos != null;
    }

    /** @return each held row's arrival, nanoseconds after the first row's; null when not {@link #held()} */
    long[] arrivalNanos() {
        return arrivalNanos;
    }

    /** @return each held row's prompt tokens */
    int[] inputTokens() {
        return inputTokens;
    }

    /** @return each held row's output tokens */
    int[] outputTokens() {
        return outputTokens;
    }

    /** @return the rows' (prompt, output) pairs as a length distribution */
    EmpiricalLengths lengths() {
        return lengths;
    }
}
