package org.splitinfer.core.workload;

/**
 * A replay of a trace too long to hold ({@link TraceData#held()} is false): each pass reads the file again with a
 * fresh {@link TraceReader}, so memory stays at one read buffer whatever the file's size. The replay rule is
 * {@link TraceWorkload}'s; the first pass has already checked every row.
 */
final class FileTraceStream implements RequestStream {
    private final TraceSource source;
    private final boolean skipBadRows;
    private final long firstArrivalNanos;
    private final long shiftNanos;
    private final long rows;
    private final double scale;
    private final boolean scaled;
    private TraceReader reader;
    private long passOffsetNanos;
    private long arrivalNanos;

    FileTraceStream(TraceSource source, boolean skipBadRows, TraceData data, double scale) {
        this.source = source;
        this.skipBadRows = skipBadRows;
        this.firstArrivalNanos = data.firstArrivalNanos();
        this.shiftNanos = data.summary().replayShiftNanos();
        this.rows = data.summary().rows();
        this.scale = scale;
        this.scaled = scale != 1.0;
        this.reader = TraceReader.open(source, skipBadRows);
    }

    @Override
    public boolean advance() {
        if (!reader.next()) {
            reader.close();
            reader = TraceReader.open(source, skipBadRows);
            passOffsetNanos = TraceWorkload.replayed(passOffsetNanos, shiftNanos);
            if (!reader.next()) {
                throw new WorkloadException(source.name() + ": the trace had " + rows + " requests but has none on "
                        + "replay; keep the file unchanged while a run reads it");
            }
        }
        long unscaled = TraceWorkload.replayed(passOffsetNanos, reader.arrivalNanos() - firstArrivalNanos);
        arrivalNanos = scaled ? Math.round(unscaled * scale) : unscaled;
        return true;
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public int inputTokens() {
        return reader.inputTokens();
    }

    @Override
    public int outputTokens() {
        return reader.outputTokens();
    }

    @Override
    public void close() {
        reader.close();
    }
}
