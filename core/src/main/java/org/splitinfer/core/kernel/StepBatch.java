package org.splitinfer.core.kernel;

import java.util.Arrays;
import org.splitinfer.core.input.Limits;
import org.splitinfer.spi.Phase;

/**
 * The sequences one phase step processes: for each, the new tokens it brings and the prior context already in
 * its KV cache. A prefill chunk brings many new tokens per sequence (prior context is non-zero for chunked
 * prefill or a cached prefix); a decode step brings one new token per sequence, and a speculative decoding's
 * verification step ({@link #verify}) a few. Immutable and thread-safe.
 *
 * <h2>Notes: attention work per sequence</h2>
 * A sequence with {@code c} prior tokens and {@code s} new ones: new token {@code j} (0-based) sits at
 * position {@code c + j} and, under causal attention, scores the {@code c + j + 1} keys up to itself. Summed:
 * <pre>
 *   pairs(full)  = s·c + s(s+1)/2                 (causal triangle plus the prior-context rectangle)
 *   pairs(W)     = Σ_{p=c+1}^{c+s} min(p, W)      (a sliding window of W keys, the query's own included)
 *   keys(full)   = c + s                          (distinct keys read: every position up to the last query)
 *   keys(W)      = c + s − max(0, c − W + 1)      (positions from the window of the first query on)
 * </pre>
 * A decode step is {@code s = 1}: {@code pairs = keys = min(c + 1, W)}. The step's figures are the sums over
 * its sequences. Uniform batches (every sequence alike) cost O(1); others O(sequences) per window query.
 *
 * @since 0.1
 */
public final class StepBatch {

    private final Phase phase;
    private final int sequences;
    private final long newTokens;
    private final long priorTokens;
    /** Per-sequence new tokens and prior context, or null when every sequence is alike. */
    private final long[] newPerSequence;
    private final long[] priorPerSequence;
    private final long uniformNew;
    private final long uniformPrior;

    private StepBatch(Phase phase, int sequences, long uniformNew, long uniformPrior, long[] newPerSequence,
                      long[] priorPerSequence) {
        this.phase = phase;
        this.sequences = sequences;
        this.uniformNew = uniformNew;
        this.uniformPrior = uniformPrior;
        this.newPerSequence = newPerSequence;
        this.priorPerSequence = priorPerSequence;
        if (newPerSequence == null) {
            this.newTokens = Math.multiplyExact(uniformNew, sequences);
            this.priorTokens = Math.multiplyExact(uniformPrior, sequences);
        } else {
            long sumNew = 0;
            long sumPrior = 0;
            for (int i = 0; i < sequences; i++) {
                sumNew = Math.addExact(sumNew, newPerSequence[i]);
                sumPrior = Math.addExact(sumPrior, priorPerSequence[i]);
            }
            this.newTokens = sumNew;
            this.priorTokens = sumPrior;
        }
    }

    /**
     * A prefill chunk of alike sequences.
     *
     * @param sequences            sequences, {@code >= 1}
     * @param newTokensPerSequence prompt tokens each brings, {@code >= 1}
     * @param priorContext         tokens each already has in its KV cache, {@code >= 0}
     * @return the batch
     */
    public static StepBatch prefill(int sequences, long newTokensPerSequence, long priorContext) {
        requireSequences(sequences);
        requireNew(newTokensPerSequence, 0);
        requirePrior(priorContext, 0);
        return new StepBatch(Phase.PREFILL, sequences, newTokensPerSequence, priorContext, null, null);
    }

    /**
     * A prefill chunk of sequences that differ.
     *
     * @param newTokens    prompt tokens per sequence, each {@code >= 1}; copied
     * @param priorContext prior context per sequence, each {@code >= 0}, as many as {@code newTokens}; copied
     * @return the batch
     */
    public static StepBatch prefill(long[] newTokens, long[] priorContext) {
        if (newTokens == null || priorContext == null || newTokens.length != priorContext.length) {
            throw new IllegalArgumentException("prefill needs as many prior-context lengths as new-token counts, got "
                    + (newTokens == null ? "null" : newTokens.length) + " and "
                    + (priorContext == null ? "null" : priorContext.length));
        }
        requireSequences(newTokens.length);
        for (int i = 0; i < newTokens.length; i++) {
            requireNew(newTokens[i], i);
            requirePrior(priorContext[i], i);
        }
        return new StepBatch(Phase.PREFILL, newTokens.length, -1, -1, newTokens.clone(), priorContext.clone());
    }

    /**
     * A decode step of alike sequences: one new token each.
     *
     * @param sequences sequences, {@code >= 1}
     * @param context   tokens each already has in its KV cache, {@code >= 0}
     * @return the batch
     */
    public static StepBatch decode(int sequences, long context) {
        requireSequences(sequences);
        requirePrior(context, 0);
        return new StepBatch(Phase.DECODE, sequences, 1, context, null, null);
    }

    /**
     * A speculative decoding's verification step of alike sequences: each brings {@code tokensPerSequence} new tokens
     * (its last accepted token and the draft's proposals), attended causally over its context, and the target
     * computes logits for every one of them.
     *
     * @param sequences         sequences, {@code >= 1}
     * @param tokensPerSequence new tokens each brings, {@code >= 1} ({@code 1} is a plain decode step)
     * @param context           tokens each already has in its KV cache, {@code >= 0}
     * @return the batch
     */
    public static StepBatch verify(int sequences, long tokensPerSequence, long context) {
        requireSequences(sequences);
        requireNew(tokensPerSequence, 0);
        requirePrior(context, 0);
        return new StepBatch(Phase.DECODE, sequences, tokensPerSequence, context, null, null);
    }

    /**
     * A decode step of sequences with different contexts: one new token each.
     *
     * @param contexts tokens each sequence already has in its KV cache, each {@code >= 0}; copied
     * @return the batch
     */
    public static StepBatch decode(long[] contexts) {
        if (contexts == null) {
            throw new IllegalArgumentException("decode contexts must not be null");
        }
        requireSequences(contexts.length);
        long[] ones = new long[contexts.length];
        Arrays.fill(ones, 1);
        for (int i = 0; i < contexts.length; i++) {
            requirePrior(contexts[i], i);
        }
        return new StepBatch(Phase.DECODE, contexts.length, -1, -1, ones, contexts.clone());
    }

    /** @return prefill or decode */
    public Phase phase() {
        return phase;
    }

    /** @return sequences in the batch */
    public int sequences() {
        return sequences;
    }

    /** @return new tokens across the batch: the rows of every projection and MLP */
    public long newTokens() {
        return newTokens;
    }

    /** @return prior-context tokens across the batch */
    public long priorContextTokens() {
        return priorTokens;
    }

    /**
     * Query-key pairs scored across the batch.
     *
     * @param window sliding window in tokens, or {@code 0} for full attention
     * @return pairs, per the notes
     */
    public double scorePairs(int window) {
        if (newPerSequence == null) {
            return sequences * pairs(uniformPrior, uniformNew, window);
        }
        double total = 0;
        for (int i = 0; i < sequences; i++) {
            total += pairs(priorPerSequence[i], newPerSequence[i], window);
        }
        return total;
    }

    /**
     * Distinct key (and value) positions read across the batch.
     *
     * @param window sliding window in tokens, or {@code 0} for full attention
     * @return keys, per the notes
     */
    public double keysRead(int window) {
        if (newPerSequence == null) {
            return sequences * (double) keys(uniformPrior, uniformNew, window);
        }
        double total = 0;
        for (int i = 0; i < sequences; i++) {
            total += keys(priorPerSequence[i], newPerSequence[i], window);
        }
        return total;
    }

    private static double pairs(long prior, long fresh, int window) {
        double c = prior;
        double s = fresh;
        if (window <= 0 || window >= prior + fresh) {
            return s * c + s * (s + 1) / 2;
        }
        double w = window;
        if (window <= prior) {
            return s * w;
        }
        return w * (w + 1) / 2 - c * (c + 1) / 2 + (c + s - w) * w;
    }

    private static long keys(long prior, long fresh, int window) {
        if (window <= 0) {
            return prior + fresh;
        }
        return prior + fresh - Math.max(0, prior - window + 1);
    }

    private static void requireSequences(int sequences) {
        if (sequences < 1 || sequences > Limits.MAX_SEQUENCES) {
            throw new IllegalArgumentException("a step needs 1 to " + Limits.MAX_SEQUENCES + " sequences, got "
                    + sequences);
        }
    }

    private static void requireNew(long tokens, int index) {
        if (tokens < 1 || tokens > Limits.MAX_TOKENS) {
            throw new IllegalArgumentException("new tokens of sequence " + index + " must be 1 to "
                    + Limits.MAX_TOKENS + ", got " + tokens);
        }
    }

    private static void requirePrior(long tokens, int index) {
        if (tokens < 0 || tokens > Limits.MAX_TOKENS) {
            throw new IllegalArgumentException("prior context of sequence " + index + " must be 0 to "
                    + Limits.MAX_TOKENS + ", got " + tokens);
        }
    }

    @Override
    public String toString() {
        return phase.name().toLowerCase(java.util.Locale.ROOT) + "(sequences=" + sequences + ", newTokens="
                + newTokens + ", priorContext=" + priorTokens + ")";
    }
}
