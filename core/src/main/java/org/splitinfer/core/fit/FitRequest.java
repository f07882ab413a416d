package org.splitinfer.core.fit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.splitinfer.core.input.Limits;
import org.splitinfer.core.model.ModelPrecision;

/**
 * What to fit: the formats, the context of the one sequence whose KV cache must fit beside the weights, and
 * optionally a chip count to evaluate instead of the fewest that fit.
 *
 * <p>The context must fit the model's context window unless the request allows long context
 * ({@link #allowingLongContext()}); {@link ModelFitter#fit} checks it.
 *
 * @param precision        the formats, or null for {@link org.splitinfer.core.cost.DefaultFormats the default rule}
 * @param contextTokens    tokens of the one sequence's KV cache, {@code 1..Limits.MAX_TOKENS}
 * @param chips            chips to evaluate, {@code 1..Limits.MAX_CHIPS}, or 0 to evaluate the fewest chips that fit
 * @param allowLongContext whether the context may exceed the model's context window
 * @since 0.1
 */
public record FitRequest(ModelPrecision precision, long contextTokens, int chips, boolean allowLongContext) {

    /** Context when the user gives none: 4,096 tokens. */
    public static final long DEFAULT_CONTEXT_TOKENS = 4096;

    /** Validates the numbers; a bad value is the user's and gets one sentence. */
    public FitRequest {
        if (!Limits.within(contextTokens, 1, Limits.MAX_TOKENS)) {
            throw new FitException(Limits.outOfRange("fit.contextTokens", contextTokens, 1, Limits.MAX_TOKENS)
                    + "; give fit.contextTokens a number of tokens in that range.", List.of("fit.contextTokens"));
        }
        if (!Limits.within(chips, 0, Limits.MAX_CHIPS)) {
            throw new FitException(Limits.outOfRange("fit.chips", chips, 1, Limits.MAX_CHIPS)
                    + "; give fit.chips a count in that range or leave it out to find the fewest chips that fit.",
                    List.of("fit.chips"));
        }
    }

    /**
     * A request held to the model's context window.
     *
     * @param precision     the formats, or null for the default rule
     * @param contextTokens tokens of the one sequence's KV cache
     * @param chips         chips to evaluate, or 0 for the fewest that fit
     */
    public FitRequest(ModelPrecision precision, long contextTokens, int chips) {
        this(precision, contextTokens, chips, false);
    }

    /** @return a copy whose context may exceed the model's context window */
    public FitRequest allowingLongContext() {
        return new FitRequest(precision, contextTokens, chips, true);
    }

    /**
     * A request with the default precision and context, at the fewest chips that fit.
     *
     * @return the request
     */
    public static FitRequest defaults() {
        return new FitRequest(null, DEFAULT_CONTEXT_TOKENS, 0);
    }

    /**
     * @param newPrecision the formats, or null for the default rule
     * @return a copy with those formats
     */
    public FitRequest withPrecision(ModelPrecision newPrecision) {
        return new FitRequest(newPrecision, contextTokens, chips, allowLongContext);
    }

    /**
     * @param newContextTokens tokens, {@code >= 1}
     * @return a copy with that context
     */
    public FitRequest withContext(long newContextTokens) {
        return new FitRequest(precision, newContextTokens, chips, allowLongContext);
    }

    /**
     * @param newChips chips to evaluate, {@code >= 1}
     * @return a copy evaluating that many chips
     */
    public FitRequest withChips(int newChips) {
        if (newChips < 1) {
            throw new FitException(Limits.outOfRange("fit.chips", newChips, 1, Limits.MAX_CHIPS)
                    + "; give fit.chips a count in that range or leave it out to find the fewest chips that fit.",
                    List.of("fit.chips"));
        }
        return new FitRequest(precision, contextTokens, newChips, allowLongContext);
    }

    /** @return the given formats, if any */
    public Optional<ModelPrecision> givenPrecision() {
        return Optional.ofNullable(precision);
    }

    /** @return the chip count to evaluate, if given */
    public OptionalInt givenChips() {
        return chips == 0 ? OptionalInt.empty() : OptionalInt.of(chips);
    }
}
