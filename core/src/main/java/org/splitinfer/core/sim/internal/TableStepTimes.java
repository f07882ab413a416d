package org.splitinfer.core.sim.internal;

import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCostTable;

/**
 * Step times from a pool's {@link StepCostTable}: a lookup per step, nothing allocated. A decode batch of {@code b}
 * on {@code p} pipeline stages runs as {@code m = min(p, b)} micro-batches of {@code ceil(b/m)}, and an iteration
 * takes {@link StepCost#iterationSeconds} of one micro-batch's step (the stack's overhead once), as the estimator
 * prices it.
 */
final class TableStepTimes implements StepTimes {
    private final StepCostTable table;
    private final int stages;
    private final double overheadSeconds;

    TableStepTimes(StepCostTable table) {
        this.table = table;
        this.stages = table.layout().pipeline();
        this.overheadSeconds = table.coster().stepOverheadSeconds();
    }

    @Override
    public long decodeNanos(int batch, long contextTokens) {
        int microBatches = Math.min(stages, batch);
        int perMicroBatch = (batch + microBatches - 1) / microBatches;
        double latency = table.decodeLatencySeconds(perMicroBatch, contextTokens);
        double interval = table.decodeIntervalSeconds(perMicroBatch, contextTokens);
        return nanos(StepCost.iterationSeconds(latency, interval, microBatches, overheadSeconds));
    }

    @Override
    public long prefillLatencyNanos(int tokens, long priorContextTokens) {
        return nanos(table.prefillLatencySeconds(tokens, priorContextTokens));
    }

    @Override
    public long prefillIntervalNanos(int tokens, long priorContextTokens) {
        return nanos(table.prefillIntervalSeconds(tokens, priorContextTokens));
    }

    /** At least one nanosecond, so that time always moves forward. */
    static long nanos(double seconds) {
        return Math.max(1, Math.round(seconds * 1e9));
    }
}
