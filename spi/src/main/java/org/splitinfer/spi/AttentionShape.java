package org.splitinfer.spi;

/**
 * Attention of new query tokens over cached and new keys.
 *
 * @param sequences   sequences in the batch, {@code >= 1}
 * @param queryTokens new tokens across the batch, {@code >= 1}
 * @param scorePairs  query-key pairs scored across the batch (causal prefill of s tokens: s(s+1)/2), {@code >= 1}
 * @param queryHeads  query heads on this chip, {@code >= 1}
 * @param kvHeads     key/value heads on this chip, {@code >= 1}
 * @param headDim     dimension per head used for scores, {@code >= 1}
 * @since 0.1
 */
public record AttentionShape(long sequences, long queryTokens, double scorePairs, int queryHeads, int kvHeads,
                             int headDim) implements KernelShape {
    /** Validates the dimensions. */
    public AttentionShape {
        Names.requirePositive("attention sequences", sequences);
        Names.requirePositive("attention queryTokens", queryTokens);
        Names.requirePositiveFinite("attention scorePairs", scorePairs);
        Names.requirePositive("attention queryHeads", queryHeads);
        Names.requirePositive("attention kvHeads", kvHeads);
        Names.requirePositive("attention headDim", headDim);
    }
}
