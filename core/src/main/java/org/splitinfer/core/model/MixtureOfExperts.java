package org.splitinfer.core.model;

/**
 * The mixture-of-experts part of a model: every layer from {@code denseLeadingLayers} on replaces its MLP
 * with a router, {@code routedExperts} experts of which each token uses {@code expertsPerToken}, and
 * {@code sharedExperts} experts every token uses (DeepSeekMoE, arXiv:2401.06066).
 *
 * <p>The router is a {@code hidden × routedExperts} matrix, plus a vector of {@code routedExperts} when
 * {@code routerBias} is set (gpt-oss's router bias; DeepSeek-V3's score-correction bias).
 *
 * @param routedExperts      routed experts per layer, {@code >= 1}
 * @param expertsPerToken    routed experts each token uses (top-k), {@code 1..routedExperts}
 * @param sharedExperts      always-active experts per layer, {@code >= 0}, each shaped like a routed expert
 * @param expert             the shape of one routed (and shared) expert
 * @param denseLeadingLayers leading layers that keep a dense MLP ({@code first_k_dense_replace}), {@code >= 0}
 * @param routerBias         whether the router carries a vector of {@code routedExperts} parameters
 * @since 0.1
 */
public record MixtureOfExperts(int routedExperts, int expertsPerToken, int sharedExperts, FeedForward expert,
                               int denseLeadingLayers, boolean routerBias) {

    /** Validates the fields. */
    public MixtureOfExperts {
        Checks.between("moe routed_experts", routedExperts, 1, Checks.MAX_EXPERTS);
        Checks.positive("moe experts_per_token", expertsPerToken);
        if (expertsPerToken > routedExperts) {
            throw new IllegalArgumentException("moe experts_per_token " + expertsPerToken
                    + " must not exceed routed_experts " + routedExperts);
        }
        Checks.between("moe shared_experts", sharedExperts, 0, Checks.MAX_EXPERTS);
        Checks.nonNull("moe expert", expert);
        Checks.nonNegative("moe dense_leading_layers", denseLeadingLayers);
    }

    /**
     * Router parameters of one layer.
     *
     * @param hiddenSize the model's hidden size
     * @return {@code hidden × routedExperts}, plus {@code routedExperts} with a bias
     */
    public long routerParameters(int hiddenSize) {
        return (long) hiddenSize * routedExperts + (routerBias ? routedExperts : 0);
    }

    /**
     * Expected number of distinct experts out of {@code experts} (a slice of the layer's routed experts)
     * that at least one of {@code tokens} tokens uses, each token choosing {@code expertsPerToken} of all
     * {@code routedExperts} uniformly: {@code experts × (1 − (1 − k/E)^tokens)}. Uniform routing is the
     * load-balanced ideal that auxiliary losses train towards (Fedus et al., arXiv:2101.03961); real routing
     * is skewed, so this is an upper bound on distinct experts for a given token count.
     *
     * @param experts experts considered, {@code <= routedExperts}
     * @param tokens  tokens routed, {@code >= 0}
     * @return expected experts touched, in {@code [0, experts]}
     */
    public double expectedExpertsTouched(int experts, double tokens) {
        double untouched = Math.pow(1.0 - (double) expertsPerToken / routedExperts, tokens);
        return experts * (1.0 - untouched);
    }
}
