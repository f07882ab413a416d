package org.splitinfer.core.workload;

/**
 * A replay of a trace held in memory ({@link TraceData#held()}): an index into primitive arrays and the current
 * pass's offset; allocates nothing per request. The replay rule is {@link TraceWorkload}'s.
 */
final class HeldTraceStream implements RequestStream {
    private final long[] arrivals;
    private final int[] inputs;
    private final int[] outputs;
    private final long shiftNanos;
    private final double scale;
    private final boolean scaled;
    private int index = -1;
    private long passOffsetNanos;
    private long arrivalNanos;
    private int inputTokens;
    private int outputTokens;

    HeldTraceStream(TraceData data, double scale) {
        this.arrivals = data.arrivalNanos();
        this.inputs = data.inputTokens();
        this.outputs = data.outputTokens();
        this.shiftNanos = data.summary().replayShiftNanos();
        this.scale = scale;
        this.scaled = scale != 1.0;
    }

    @Override
    public boolean advance() {
        if (++index == arrivals.length) {
            index = 0;
            passOffsetNanos = TraceWorkload.replayed(passOffsetNanos, shiftNanos);
        }
        long unscaled = TraceWorkload.replayed(passOffsetNanos, arrivals[index]);
        // rounding a product with a positive factor never reverses order, so arrivals stay non-decreasing
        arrivalNanos = scaled ? Math.round(unscaled * scale) : unscaled;
        inputTokens = inputs[index];
        outputTokens = outputs[index];
        return true;
    }

    @Override
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public int inputTokens() {
        return inputTokens;
    }

    @Override
    public int outputTokens() {
        return outputTokens;
    }

    @Override
    public void close() {
        // nothing held but arrays
    }
}
