package org.splitinfer.spi;

/**
 * Which memory tier each operand class lives in, by the tier names of {@link MemoryModel#tiers()}.
 *
 * @param weightsTier     tier holding the weights
 * @param kvCacheTier     tier holding the KV cache
 * @param activationsTier tier holding activations
 * @since 0.1
 */
public record Residency(String weightsTier, String kvCacheTier, String activationsTier) {
    /** Validates the names. */
    public Residency {
        Names.requireLowerName("weights tier", weightsTier);
        Names.requireLowerName("kvCache tier", kvCacheTier);
        Names.requireLowerName("activations tier", activationsTier);
    }

    /**
     * Everything in one tier.
     *
     * @param tier the tier's name
     * @return the residency
     */
    public static Residency allIn(String tier) {
        return new Residency(tier, tier, tier);
    }

    /**
     * The tier of one class.
     *
     * @param operand the class
     * @return its tier's name
     */
    public String tierOf(OperandClass operand) {
        return switch (operand) {
            case WEIGHTS -> weightsTier;
            case KV_CACHE -> kvCacheTier;
            case ACTIVATIONS -> activationsTier;
        };
    }
}
