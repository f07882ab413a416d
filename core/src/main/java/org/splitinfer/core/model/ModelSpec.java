package org.splitinfer.core.model;

import org.splitinfer.core.input.Limits;
import org.splitinfer.spi.Precision;

/**
 * A decoder-only transformer, as far as inference cost depends on it: shapes, layer kinds, parameter
 * groups and the precision its checkpoint ships in. Immutable and thread-safe.
 *
 * <h2>Notes: the parameter-count convention</h2>
 * <ul>
 *   <li><b>Total</b> ({@link #totalParameters()}) counts every parameter of the checkpoint: the token
 *       embedding, a learned position table, the LM head when it is not tied to the embedding (both matrices
 *       counted when untied, one when tied), every layer's attention, MLP or experts and router, every norm
 *       (weight, and bias for LayerNorm) and every bias the architecture has. DeepSeek-V3's multi-token
 *       prediction module ({@code num_nextn_predict_layers}, about 14B parameters) is left out: it is a
 *       training objective that serving uses only for speculative decoding; the 671B that DeepSeek quotes
 *       excludes it too (arXiv:2412.19437, section 4.2).</li>
 *   <li><b>Active</b> ({@link #activeParameters()}) is the total minus the routed experts a token does not use:
 *       {@code moeLayers × (routedExperts − expertsPerToken) × expertParameters}. It keeps both embedding
 *       matrices, so it is a little larger than figures that leave out the embedding lookup (gpt-oss's
 *       5.1B "active" excludes the 0.58B embedding table; this convention gives 5.7B).</li>
 * </ul>
 * Per layer: {@link AttentionSpec#parameters(int)}, two norms ({@link NormKind#parameters(int)}), and either
 * the dense {@link FeedForward#parameters(int)} or the router, routed and shared experts. Model-wide: the
 * embedding ({@code vocab × hidden}, plus {@code learnedPositions × hidden}, plus BLOOM's embedding norm),
 * the final norm, and the LM head ({@code vocab × hidden} when untied). These reproduce the published totals
 * exactly where those are exact counts: Llama-2-7B 6,738,415,616; Mixtral-8x7B 46,702,792,704;
 * BLOOM 176,247,271,424.
 *
 * <h2>Notes: the KV cache</h2>
 * One token adds {@link AttentionSpec#kvElementsPerToken()} elements to every layer's cache:
 * {@code 2 × kvHeads × headDim} for grouped-query attention, {@code kvLoraRank + qkRopeHeadDim} for latent
 * attention. A sliding-window layer holds at most {@code windowTokens} tokens, so
 * {@link #kvBytes(long, Precision)} caps those layers at the window; {@link #kvBytesPerToken(Precision)} is
 * the growth per token while the context is shorter than every window.
 *
 * @param id               catalog identifier, lowercase, e.g. {@code llama-3.1-8b}
 * @param name             display name
 * @param source           where the figures come from (a model card or config.json URL, or a paper)
 * @param hiddenSize       width of the residual stream, {@code >= 1}
 * @param layers           transformer layers, {@code >= 1}
 * @param vocabSize        vocabulary entries (rows of the embedding), {@code >= 1}
 * @param tiedEmbeddings   whether the LM head reuses the embedding matrix
 * @param norm             the norm used before attention, before the MLP and at the end
 * @param embeddingNorm    whether a norm follows the token embedding (BLOOM)
 * @param positionEncoding how positions are encoded
 * @param learnedPositions rows of the learned position table, {@code > 0} exactly when
 *                         {@code positionEncoding} is {@link PositionEncoding#LEARNED}
 * @param attention        the attention block of every layer
 * @param mlp              the dense MLP of dense layers; null exactly when every layer is a mixture of experts
 * @param moe              the mixture of experts, or null for a dense model
 * @param slidingWindow    the sliding-window layout, or null when every layer attends fully
 * @param nativePrecision  the formats the published checkpoint stores
 * @param contextWindowTokens the longest sequence (prompt and answer together) the model was trained or extended
 *                         to attend over: {@code max_position_embeddings} of its configuration, {@code 1..}
 *                         {@link Limits#MAX_TOKENS}
 * @since 0.1
 */
public record ModelSpec(String id, String name, String source, int hiddenSize, int layers, int vocabSize,
                        boolean tiedEmbeddings, NormKind norm, boolean embeddingNorm,
                        PositionEncoding positionEncoding, int learnedPositions, AttentionSpec attention,
                        FeedForward mlp, MixtureOfExperts moe, SlidingWindow slidingWindow,
                        ModelPrecision nativePrecision, int contextWindowTokens) {

    /** Validates the fields and their consistency. */
    public ModelSpec {
        Checks.text("model id", id);
        Checks.text("model '" + id + "' name", name);
        Checks.text("model '" + id + "' source", source);
        Checks.between("model '" + id + "' hidden_size", hiddenSize, 1, Checks.MAX_HIDDEN);
        Checks.between("model '" + id + "' layers", layers, 1, Checks.MAX_LAYERS);
        Checks.between("model '" + id + "' vocab_size", vocabSize, 1, Checks.MAX_VOCABULARY);
        Checks.nonNull("model '" + id + "' norm", norm);
        Checks.nonNull("model '" + id + "' position_encoding", positionEncoding);
        Checks.between("model '" + id + "' learned_positions", learnedPositions, 0, (int) Limits.MAX_TOKENS);
        if ((positionEncoding == PositionEncoding.LEARNED) != (learnedPositions > 0)) {
            throw new IllegalArgumentException("model '" + id + "' learned_positions must be > 0 exactly when "
                    + "position_encoding is learned, got " + learnedPositions + " with " + positionEncoding);
        }
        Checks.nonNull("model '" + id + "' attention", attention);
        Checks.nonNull("model '" + id + "' native precision", nativePrecision);
        Checks.between("model '" + id + "' context_window_tokens", contextWindowTokens, 1, (int) Limits.MAX_TOKENS);
        int denseLayers = moe == null ? layers : moe.denseLeadingLayers();
        if (moe != null && moe.denseLeadingLayers() >= layers) {
            throw new IllegalArgumentException("model '" + id + "' moe dense_leading_layers must be below layers "
                    + layers + ", got " + moe.denseLeadingLayers());
        }
        if (denseLayers > 0 && mlp == null) {
            throw new IllegalArgumentException("model '" + id + "' mlp is required for its " + denseLayers
                    + " dense layers, got null");
        }
        if (denseLayers == 0 && mlp != null) {
            throw new IllegalArgumentException("model '" + id + "' mlp must be absent when every layer is a "
                    + "mixture of experts, got " + mlp);
        }
        if (slidingWindow != null && attention instanceof LatentAttention) {
            throw new IllegalArgumentException("model '" + id + "' sliding_window is not supported with latent "
                    + "attention, got " + slidingWindow);
        }
    }

    /**
     * A copy with another identity, for comparing a model imported from a config.json with a catalog entry.
     *
     * @param newId     identifier
     * @param newName   display name
     * @param newSource source
     * @return the copy
     */
    public ModelSpec withIdentity(String newId, String newName, String newSource) {
        return new ModelSpec(newId, newName, newSource, hiddenSize, layers, vocabSize, tiedEmbeddings, norm,
                embeddingNorm, positionEncoding, learnedPositions, attention, mlp, moe, slidingWindow,
                nativePrecision, contextWindowTokens);
    }

    /**
     * The first {@code count} transformer layers of this model, for single-layer measurements: a copy with fewer
     * layers (dense leading layers of a mixture of experts capped at {@code count}).
     *
     * @param count layers to keep, 1 to {@link #layers()}
     * @return the copy
     * @throws ModelException when {@code count} is out of range
     */
    public ModelSpec withLayers(int count) {
        if (count < 1 || count > layers) {
            throw new ModelException("model '" + id + "' has " + layers + " layers; cannot evaluate " + count);
        }
        MixtureOfExperts truncated = moe == null ? null : new MixtureOfExperts(moe.routedExperts(),
                moe.expertsPerToken(), moe.sharedExperts(), moe.expert(), Math.min(moe.denseLeadingLayers(), count),
                moe.routerBias());
        return new ModelSpec(id, name, source, hiddenSize, count, vocabSize, tiedEmbeddings, norm, embeddingNorm,
                positionEncoding, learnedPositions, attention, mlp, truncated, slidingWindow, nativePrecision,
                contextWindowTokens);
    }

    /** @return true when some layers are mixtures of experts */
    public boolean isMixtureOfExperts() {
        return moe != null;
    }

    /** @return layers with a dense MLP */
    public int denseLayers() {
        return moe == null ? layers : moe.denseLeadingLayers();
    }

    /** @return layers with a mixture of experts */
    public int moeLayers() {
        return layers - denseLayers();
    }

    /**
     * Dense-MLP layers in the half-open range {@code [from, to)}: dense layers lead the stack.
     *
     * @param from first layer
     * @param to   one past the last layer
     * @return dense layers in the range
     */
    public int denseLayers(int from, int to) {
        return Math.max(0, Math.min(to, denseLayers()) - from);
    }

    /**
     * Sliding-window layers in the half-open range {@code [from, to)}.
     *
     * @param from first layer
     * @param to   one past the last layer
     * @return sliding layers in the range
     */
    public int slidingLayers(int from, int to) {
        return slidingWindow == null ? 0 : slidingWindow.slidingLayers(from, to);
    }

    /** @return sliding-window layers */
    public int slidingLayers() {
        return slidingLayers(0, layers);
    }

    /**
     * Parameters of one tensor group.
     *
     * @param group the group
     * @return parameters
     */
    public long parameters(TensorGroup group) {
        long hidden = hiddenSize;
        return switch (group) {
            case EMBEDDING -> vocabSize * hidden + learnedPositions * hidden
                    + (embeddingNorm ? norm.parameters(hiddenSize) : 0);
            case ATTENTION -> layers * attention.parameters(hiddenSize);
            case DENSE_MLP -> mlp == null ? 0 : denseLayers() * mlp.upParameters(hiddenSize, 1);
            case DENSE_MLP_DOWN -> mlp == null ? 0 : denseLayers() * mlp.downParameters(hiddenSize, 1);
            case ROUTER -> moe == null ? 0 : moeLayers() * moe.routerParameters(hiddenSize);
            case ROUTED_EXPERTS -> moe == null ? 0
                    : (long) moeLayers() * moe.routedExperts() * moe.expert().upParameters(hiddenSize, 1);
            case ROUTED_EXPERTS_DOWN -> moe == null ? 0
                    : (long) moeLayers() * moe.routedExperts() * moe.expert().downParameters(hiddenSize, 1);
            case SHARED_EXPERTS -> moe == null ? 0
                    : (long) moeLayers() * moe.sharedExperts() * moe.expert().upParameters(hiddenSize, 1);
            case SHARED_EXPERTS_DOWN -> moe == null ? 0
                    : (long) moeLayers() * moe.sharedExperts() * moe.expert().downParameters(hiddenSize, 1);
            case NORMS -> (2L * layers + 1) * norm.parameters(hiddenSize);
            case LM_HEAD -> tiedEmbeddings ? 0 : vocabSize * hidden;
        };
    }

    /** @return every checkpoint parameter, by the convention in the notes */
    public long totalParameters() {
        long total = 0;
        for (TensorGroup group : TensorGroup.values()) {
            total += parameters(group);
        }
        return total;
    }

    /** @return parameters one token uses, by the convention in the notes */
    public long activeParameters() {
        if (moe == null) {
            return totalParameters();
        }
        long unused = (long) moeLayers() * (moe.routedExperts() - moe.expertsPerToken())
                * moe.expert().parameters(hiddenSize);
        return totalParameters() - unused;
    }

    /**
     * Bytes of all weights at a precision, each group at its own format.
     *
     * @param precision the formats
     * @return bytes
     */
    public double weightBytes(ModelPrecision precision) {
        double bytes = 0;
        for (TensorGroup group : TensorGroup.values()) {
            bytes += parameters(group) * precision.weightsOf(group).bytesPerElement();
        }
        return bytes;
    }

    /**
     * KV-cache bytes one token adds across all layers, ignoring sliding windows:
     * {@code layers × kvElementsPerToken × bytesPerElement}.
     *
     * @param kvPrecision the cache format
     * @return bytes per token
     */
    public double kvBytesPerToken(Precision kvPrecision) {
        return layers * attention.kvElementsPerToken() * kvPrecision.bytesPerElement();
    }

    /**
     * KV-cache bytes of one sequence holding {@code contextTokens} tokens: full layers hold every token,
     * sliding layers at most their window.
     *
     * @param contextTokens tokens in the sequence, {@code >= 0}
     * @param kvPrecision   the cache format
     * @return bytes
     */
    public double kvBytes(long contextTokens, Precision kvPrecision) {
        if (contextTokens < 0) {
            throw new IllegalArgumentException("context tokens must be >= 0, got " + contextTokens);
        }
        int sliding = slidingLayers();
        long slidingTokens = sliding == 0 ? 0 : Math.min(contextTokens, slidingWindow.windowTokens());
        double perLayerToken = attention.kvElementsPerToken() * kvPrecision.bytesPerElement();
        return perLayerToken * ((double) (layers - sliding) * contextTokens + (double) sliding * slidingTokens);
    }

    /**
     * Bytes of weights at the model's native precision.
     *
     * @return bytes
     */
    public double nativeWeightBytes() {
        return weightBytes(nativePrecision);
    }
}
