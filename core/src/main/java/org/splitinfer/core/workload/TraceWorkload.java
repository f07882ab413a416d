package org.splitinfer.core.workload;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A request trace replayed with its own timing and lengths: a file in one of the {@linkplain TraceFormat formats},
 * or a built-in trace ({@code chat}, {@code code}). Immutable and thread-safe; the trace is read through once, on
 * the first call that needs it ({@link #open}, {@link #stats}, {@link #summary}, ...), and that pass is shared by
 * every stream and by every {@link #atRate} copy. The seed given to {@link #open} is not used: a trace is the same
 * every run.
 *
 * <h2>Notes: checking, replay and scaling</h2>
 * <ul>
 *   <li><b>Refused as a whole.</b> The first pass checks every row before any request is handed out, so a trace
 *       with a bad row fails at {@link #open} (or {@link #stats}) with the first bad row's file and line, not in the
 *       middle of a run. With skip-bad-rows, bad rows are counted ({@link TraceSummary#skippedRows()}) and passed
 *       over on every pass.</li>
 *   <li><b>Arrivals</b> are nanoseconds after the first good row's, so the first request arrives at 0.</li>
 *   <li><b>Replay.</b> A stream never ends: after the last row the trace starts again, shifted by
 *       {@code S = span + span ÷ (rows − 1)} per pass, where {@code span} is the last arrival minus the first and
 *       {@code span ÷ (rows − 1)} the mean gap between arrivals (rounded to a nanosecond). Pass {@code k} (from 0)
 *       puts row {@code i} at {@code k·S + (t_i − t_0)}: arrivals never decrease, the gap between the last row of a
 *       pass and the first of the next is the trace's mean gap, and the long-run rate {@code rows ÷ S} equals the
 *       trace's own {@code (rows − 1) ÷ span}. So 1,000,000 requests of the 19,366-row chat trace are 51 whole
 *       passes and part of a 52nd. A trace whose rows all arrive at one instant (one row, say) has {@code S = 0}:
 *       it replays as a backlog at time 0 and has no rate.</li>
 *   <li><b>Rate.</b> {@link #atRate(double) atRate(r)} multiplies every arrival (replays included) by
 *       {@code traceRate ÷ r} and rounds to the nanosecond: the bursts and lulls keep their shape, compressed or
 *       stretched, and the mean rate becomes {@code r}.</li>
 *   <li><b>Cost.</b> A trace of up to 2^20 rows is held in primitive arrays after its first pass, so a replayed
 *       request costs an array read and, when scaled, a multiplication; a longer one is streamed from its file on
 *       every pass (never held whole) by the same allocation-free byte parser.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class TraceWorkload implements WorkloadSpec {
    private final String name;
    private final TraceSource source;
    private final boolean skipBadRows;
    private final FirstPass firstPass;
    /** The rate asked for by {@link #atRate}, or NaN for the trace's own timing. */
    private final double requestsPerSecond;

    TraceWorkload(String name, TraceSource source, boolean skipBadRows, int maxRowsInMemory) {
        this(name, source, skipBadRows, new FirstPass(source, skipBadRows, maxRowsInMemory), Double.NaN);
    }

    private TraceWorkload(String name, TraceSource source, boolean skipBadRows, FirstPass firstPass,
                          double requestsPerSecond) {
        this.name = name;
        this.source = source;
        this.skipBadRows = skipBadRows;
        this.firstPass = firstPass;
        this.requestsPerSecond = requestsPerSecond;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@inheritDoc}
     *
     * @param seed not used: a trace is the same every run
     * @throws WorkloadException when the trace cannot be read, is empty, or has a bad row and bad rows are not
     *                           skipped
     */
    @Override
    public RequestStream open(long seed) {
        TraceData data = firstPass.data();
        double scale = timeScale(data);
        return data.held() ? new HeldTraceStream(data, scale) : new FileTraceStream(source, skipBadRows, data, scale);
    }

    /** @return the means over every good row of the trace, and its longest prompt and answer */
    @Override
    public WorkloadStats stats() {
        return firstPass.data().stats();
    }

    @Override
    public OptionalDouble meanRequestsPerSecond() {
        return Double.isNaN(requestsPerSecond)
                ? firstPass.data().summary().meanRequestsPerSecond()
                : OptionalDouble.of(requestsPerSecond);
    }

    /**
     * {@inheritDoc}
     *
     * @throws WorkloadException for a rate that is not positive and finite, or a trace with no rate (all rows at one
     *                           instant)
     */
    @Override
    public TraceWorkload atRate(double requestsPerSecond) {
        ArrivalProcess.checkedRate(requestsPerSecond);
        if (firstPass.data().summary().meanRequestsPerSecond().isEmpty()) {
            throw new WorkloadException("trace " + name + " has all its requests at one instant, so it has no rate to "
                    + "scale to " + requestsPerSecond + " requests per second; use a trace with arrivals spread over "
                    + "time, or a Poisson or Gamma workload", List.of("workload.requestsPerSecond"));
        }
        return new TraceWorkload(name, source, skipBadRows, firstPass, requestsPerSecond);
    }

    /** @return what the first pass found: format, rows, skipped bad rows, span and replay shift */
    public TraceSummary summary() {
        return firstPass.data().summary();
    }

    /** @return the trace's (prompt, output) pairs, to draw from with another arrival process */
    public EmpiricalLengths lengths() {
        return firstPass.data().lengths();
    }

    /** @return whether bad rows are counted and skipped rather than refused */
    public boolean skipsBadRows() {
        return skipBadRows;
    }

    private double timeScale(TraceData data) {
        if (Double.isNaN(requestsPerSecond)) {
            return 1.0;
        }
        return data.summary().meanRequestsPerSecond().getAsDouble() / requestsPerSecond;
    }

    /**
     * A replayed arrival: a pass's offset plus an arrival within the pass, in nanoseconds. A trace replayed past a
     * {@code long}'s nanoseconds (292 years of simulated time) is refused rather than wrapped into arrivals before
     * the first.
     *
     * @param offsetNanos  the pass's offset
     * @param withinNanos  the arrival (or the next pass's shift)
     * @return their sum
     * @throws WorkloadException when the sum does not fit
     */
    static long replayed(long offsetNanos, long withinNanos) {
        try {
            return Math.addExact(offsetNanos, withinNanos);
        } catch (ArithmeticException e) {
            throw new WorkloadException("replaying the trace passes 292 years of simulated time, the most a run can"
                    + " reach; ask for fewer requests, or give a trace whose arrivals span less time", e);
        }
    }

    @Override
    public String toString() {
        return "TraceWorkload[" + name + (Double.isNaN(requestsPerSecond) ? "" : " at " + requestsPerSecond
                + " req/s") + "]";
    }

    /**
     * The trace's first pass, read once on demand and shared by copies at other rates. A pass that fails is not
     * kept, so a fixed file can be read by the next call.
     */
    private static final class FirstPass {
        private final TraceSource source;
        private final boolean skipBadRows;
        private final int maxRowsInMemory;
        private TraceData data;

        FirstPass(TraceSource source, boolean skipBadRows, int maxRowsInMemory) {
            this.source = source;
            this.skipBadRows = skipBadRows;
            this.maxRowsInMemory = maxRowsInMemory;
        }

        synchronized TraceData data() {
            if (data == null) {
                data = TraceData.read(source, skipBadRows, maxRowsInMemory);
            }
            return data;
        }
    }
}
