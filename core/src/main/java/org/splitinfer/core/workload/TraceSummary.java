package org.splitinfer.core.workload;

import java.util.OptionalDouble;

/**
 * What one pass over a trace found: its format, its good and skipped rows, how long it lasts and how far each
 * replay of it is shifted.
 *
 * @param format           the detected format
 * @param rows             good rows, the requests of one pass, {@code >= 1}
 * @param skippedRows      bad rows passed over (0 unless the trace is read with skip-bad-rows)
 * @param spanNanos        last arrival − first arrival, nanoseconds, {@code >= 0}
 * @param replayShiftNanos how much later each replay starts than the one before:
 *                         {@code spanNanos + round(spanNanos ÷ (rows − 1))}, 0 when the span is 0
 * @since 0.1
 */
public record TraceSummary(TraceFormat format, long rows, long skippedRows, long spanNanos, long replayShiftNanos) {

    /**
     * The trace's own mean arrival rate, {@code (rows − 1) ÷ span}: requests after the first over the time they
     * take (the Azure dataset's definition).
     *
     * @return requests per second, or empty when every row arrives at the same instant (one row, say)
     */
    public OptionalDouble meanRequestsPerSecond() {
        return spanNanos > 0 ? OptionalDouble.of((rows - 1) * 1e9 / spanNanos) : OptionalDouble.empty();
    }
}
