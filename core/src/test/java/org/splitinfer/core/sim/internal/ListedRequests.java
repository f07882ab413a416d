package org.splitinfer.core.sim.internal;

import org.splitinfer.core.workload.RequestStream;

/** Requests given in the test: arrival nanoseconds, prompt and output tokens. */
final class ListedRequests implements RequestStream {
    private final long[] arrivals;
    private final int[] inputs;
    private final int[] outputs;
    private int next = -1;

    ListedRequests(long[] arrivals, int[] inputs, int[] outputs) {
        this.arrivals = arrivals;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    @Override
    public boolean advance() {
        return ++next < arrivals.length;
    }

    @Override
    public long arrivalNanos() {
        return arrivals[next];
    }

    @Override
    public int inputTokens() {
        return inputs[next];
    }

    @Override
    public int outputTokens() {
        return outputs[next];
    }

    @Override
    public void close() {
    }
}
