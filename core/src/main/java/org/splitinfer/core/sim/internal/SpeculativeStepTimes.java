package org.splitinfer.core.sim.internal;

import org.splitinfer.core.cost.StepCost;
import org.splitinfer.core.cost.StepCostTable;

/**
 * Step times of a pool that decodes speculatively, as the estimator prices one of its steps: a decode iteration is
 * {@code k} passes of the draft (one new token per sequence each) and one verification step of the target over
 * {@code k + 1} new tokens per sequence; it gives each sequence {@code E = (1 − α^(k+1)) ÷ (1 − α)} tokens on average.
 * A batch of {@code b} on {@code p} stages runs as {@code m = min(p, b)} micro-batches of {@code ceil(b/m)}, each
 * through the draft and the verification; the serving stack's overhead is paid once per iteration (the draft's
 * coster carries none). Prefill steps are the target's own.
 */
final class SpeculativeStepTimes implements StepTimes {
    private final StepCostTable verify;
    private final StepCostTable draft;
    private final int proposals;
    private final double tokensPerIteration;
    private final int stages;
    private final double overheadSeconds;

    /**
     * @param verify             the target's table, its decode steps verification steps of {@code proposals + 1}
     *                           tokens per sequence
     * @param draft              the draft's plain decode table
     * @param proposals          tokens the draft proposes per iteration, {@code k >= 1}
     * @param tokensPerIteration expected tokens per sequence and iteration, in {@code [1, k + 1]}
     */
    SpeculativeStepTimes(StepCostTable verify, StepCostTable draft, int proposals, double tokensPerIteration) {
        if (verify.decodeTokensPerSequence() != proposals + 1L) {
            throw new IllegalArgumentException("the verification table must verify " + (proposals + 1)
                    + " tokens per sequence, not " + verify.decodeTokensPerSequence());
        }
        if (!(tokensPerIteration >= 1 && tokensPerIteration <= proposals + 1)) {
            throw new IllegalArgumentException("expected tokens per iteration must be in [1, " + (proposals + 1)
                    + "], got " + tokensPerIteration);
        }
        this.verify = verify;
        this.draft = draft;
        this.proposals = proposals;
        this.tokensPerIteration = tokensPerIteration;
        this.stages = verify.layout().pipeline();
        this.overheadSeconds = verify.coster().stepOverheadSeconds();
    }

    @Override
    public double tokensPerIteration() {
        return tokensPerIteration;
    }

    @Override
    public long decodeNanos(int batch, long contextTokens) {
        int microBatches = Math.min(stages, batch);
        int perMicroBatch = (batch + microBatches - 1) / microBatches;
        return TableStepTimes.nanos(StepCost.speculativeIterationSeconds(
                verify.decodeLatencySeconds(perMicroBatch, contextTokens),
                verify.decodeIntervalSeconds(perMicroBatch, contextTokens),
                draft.decodeLatencySeconds(perMicroBatch, contextTokens),
                draft.decodeIntervalSeconds(perMicroBatch, contextTokens), proposals, microBatches, overheadSeconds));
    }

    @Override
    public long prefillLatencyNanos(int tokens, long priorContextTokens) {
        return TableStepTimes.nanos(verify.prefillLatencySeconds(tokens, priorContextTokens));
    }

    @Override
    public long prefillIntervalNanos(int tokens, long priorContextTokens) {
        return TableStepTimes.nanos(verify.prefillIntervalSeconds(tokens, priorContextTokens));
    }
}
