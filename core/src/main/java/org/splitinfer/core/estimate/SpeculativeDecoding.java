package org.splitinfer.core.estimate;

import org.splitinfer.core.input.Limits;
import java.util.List;
import java.util.Locale;
import org.splitinfer.core.model.ModelSpec;

/**
 * How a decoding pool runs speculative decoding: a draft proposes {@code tokens} tokens per step, one after another,
 * and the target model verifies them all in one pass, keeping the longest prefix it agrees with and adding one token
 * of its own.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li><b>Expected tokens per step</b> (Leviathan, Kalman and Matias, "Fast Inference from Transformers via
 *       Speculative Decoding", ICML 2023, arXiv:2211.17192, eq. 1): when each proposed token is accepted with
 *       probability {@code α}, independently, a step of {@code k} proposals emits
 *       {@code E = (1 − α^(k+1)) ÷ (1 − α)} tokens on average: the accepted prefix plus the token the target
 *       adds (a correction after the first rejection, or a bonus token when all {@code k} are accepted). E.g.
 *       {@code α = 0.8, k = 4}: {@code (1 − 0.32768) ÷ 0.2 = 3.3616}.</li>
 *   <li><b>Defaults</b>, assumptions rather than measurements (no one value holds for every draft and every text;
 *       Leviathan et al. measured α from pair to pair and task to task, their Table 3):
 *       {@link #DEFAULT_TOKENS} {@code k = 4}, among the few proposals per step serving stacks document (vLLM's
 *       draft-model example proposes 5), and {@link #DEFAULT_ACCEPTANCE} {@code α = 0.75}, the middle of the per-token
 *       acceptance rates of about 0.7 to 0.8 that EAGLE reports for chat (Li et al., "EAGLE: Speculative Sampling
 *       Requires Rethinking Feature Uncertainty", ICML 2024, arXiv:2401.15077, MT-bench); together
 *       {@code E = (1 − 0.75^5) ÷ 0.25 = 3.05} tokens per step. The default draft is built-in heads of one decoder
 *       layer ({@link Heads}, as EAGLE and DeepSeek-V3's multi-token prediction add), the one draft every model can
 *       have. Give all three as a deployment measured them.</li>
 *   <li><b>A draft model</b> ({@link DraftModel}) must share the target's vocabulary (the target verifies the
 *       draft's token ids) and be smaller than it; typical pairs are Llama-3.2-1B or Llama-3.1-8B drafting for
 *       Llama-3.1-70B (the draft-target examples of vLLM and TensorRT-LLM).</li>
 * </ul>
 *
 * @param draft      what proposes the tokens
 * @param tokens     tokens proposed per step, {@code 1..}{@link #MAX_TOKENS}
 * @param acceptance probability that the target accepts one proposed token, in {@code (0, 1)}
 * @since 0.1
 */
public record SpeculativeDecoding(Draft draft, int tokens, double acceptance) {
    /** Tokens proposed per step when none are given: an assumption (see the notes). */
    public static final int DEFAULT_TOKENS = 4;
    /** Acceptance rate when none is given: an assumption (see the notes). */
    public static final double DEFAULT_ACCEPTANCE = 0.75;
    /**
     * The most tokens a step may propose. Past it the gain has converged: {@code E} is within {@code α^33} of its
     * limit {@code 1 ÷ (1 − α)}, and every proposal still costs a draft pass.
     */
    public static final int MAX_TOKENS = 32;
    /** Decoder layers of the default draft heads. */
    public static final int DEFAULT_HEAD_LAYERS = 1;

    /** Validates the figures; messages name the fields {@code speculative.*}. */
    public SpeculativeDecoding {
        if (draft == null) {
            throw new IllegalArgumentException("a speculative decoding needs a draft; use Heads or DraftModel");
        }
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new EstimateException("speculative.tokens must be a whole number of tokens proposed per step from 1"
                    + " to " + MAX_TOKENS + ", got " + tokens, List.of("speculative.tokens"));
        }
        if (!(acceptance > 0 && acceptance < 1)) {
            throw new EstimateException(String.format(Locale.ROOT, "speculative.acceptance must be a probability"
                            + " above 0 and below 1 (the share of proposed tokens the target accepts), got %s",
                    acceptance), List.of("speculative.acceptance"));
        }
    }

    /** @return the defaults of the notes: one-layer heads, {@code k = 4}, {@code α = 0.75} */
    public static SpeculativeDecoding defaults() {
        return new SpeculativeDecoding(new Heads(DEFAULT_HEAD_LAYERS), DEFAULT_TOKENS, DEFAULT_ACCEPTANCE);
    }

    /**
     * @param newDraft what proposes the tokens
     * @return a copy with that draft
     */
    public SpeculativeDecoding withDraft(Draft newDraft) {
        return new SpeculativeDecoding(newDraft, tokens, acceptance);
    }

    /**
     * @param newTokens tokens proposed per step
     * @return a copy proposing that many
     */
    public SpeculativeDecoding withTokens(int newTokens) {
        return new SpeculativeDecoding(draft, newTokens, acceptance);
    }

    /**
     * @param newAcceptance the acceptance rate
     * @return a copy with that rate
     */
    public SpeculativeDecoding withAcceptance(double newAcceptance) {
        return new SpeculativeDecoding(draft, tokens, newAcceptance);
    }

    /**
     * Tokens one verification step emits on average, per the notes: {@code (1 − α^(k+1)) ÷ (1 − α)}, from 1 to
     * {@code k + 1}.
     *
     * @return the expected tokens per step
     */
    public double expectedTokensPerStep() {
        return (1 - Math.pow(acceptance, tokens + 1)) / (1 - acceptance);
    }

    /**
     * Checks that the draft can serve this target, before any pool is sized: heads fewer than its layers, a draft
     * model of its vocabulary and smaller than it.
     *
     * @param target the model the draft proposes for
     * @param field  the field messages name, e.g. {@code decode.speculative.draft}
     * @throws EstimateException naming the mismatch and the way out
     * @since 0.2
     */
    public void requireDraftFor(ModelSpec target, String field) {
        if (draft instanceof Heads heads) {
            if (heads.layers() >= target.layers()) {
                throw new EstimateException(String.format(Locale.ROOT, "draft heads of %d decoder layers are no"
                                + " smaller than '%s' with its %d layers; give the heads fewer layers than the target",
                        heads.layers(), target.id(), target.layers()), List.of(field));
            }
            return;
        }
        ModelSpec model = ((DraftModel) draft).model();
        if (model.vocabSize() != target.vocabSize()) {
            throw new EstimateException(String.format(Locale.ROOT, "the draft '%s' has a vocabulary of %s tokens"
                            + " and '%s' one of %s: the target verifies the draft's token ids, so both need the same"
                            + " vocabulary; choose a draft of the target's family", model.id(),
                    Limits.count(model.vocabSize()), target.id(), Limits.count(target.vocabSize())), List.of(field));
        }
        if (model.totalParameters() >= target.totalParameters()) {
            throw new EstimateException(String.format(Locale.ROOT, "the draft '%s' (%.3g billion parameters) is not"
                            + " smaller than '%s' (%.3g billion): a draft proposes tokens faster than the target only"
                            + " when it is smaller; choose a smaller draft", model.id(),
                    model.totalParameters() / 1e9, target.id(), target.totalParameters() / 1e9), List.of(field));
        }
    }

    /**
     * What proposes the tokens.
     *
     * @since 0.1
     */
    public sealed interface Draft permits DraftModel, Heads {
    }

    /**
     * A separate, smaller model of the same vocabulary, run on the decoding pool's chips beside the target.
     *
     * @param model the draft model (from the catalog, or imported)
     */
    public record DraftModel(ModelSpec model) implements Draft {
        /** Checks the model is present. */
        public DraftModel {
            if (model == null) {
                throw new IllegalArgumentException("a draft model must not be null");
            }
        }
    }

    /**
     * Heads built into the target (EAGLE, DeepSeek-V3's multi-token prediction, Medusa-style): each proposed token
     * costs a pass through {@code layers} extra decoder layers of the target's shape, with the target's embedding and
     * LM head. EAGLE and multi-token prediction add one layer; Medusa's heads, one residual block each, cost less,
     * so one layer bounds them from above.
     *
     * @param layers decoder layers of the target's shape the heads add, at least 1 and fewer than the target has
     */
    public record Heads(int layers) implements Draft {
        /** Checks the count is positive; the target bounds it from above when the draft is resolved. */
        public Heads {
            if (layers < 1) {
                throw new EstimateException("speculative.draft heads must add at least 1 decoder layer, got "
                        + layers, List.of("speculative.draft"));
            }
        }
    }
}
