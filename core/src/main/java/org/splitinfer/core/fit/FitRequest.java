package org.splitinfer.core.fit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.splitinfer.core.model.ModelPrecision;

/**
 * What to fit: the formats, the context of the one sequence whose KV cache must fit beside the weights, and
 * optionally a chip count to evaluate instead of the fewest that fit.
 *
 * @param precision     the formats, or null for {@link org.splitinfer.core.cost.DefaultFormats the default rule}
 * @param contextTokens tokens of the one sequence's KV cache, {@code >= 1}
 * @param chips         chips to evaluate, {@code >= 1}, or 0 to evaluate the fewest chips that fit
 * @since 0.1
 */
public record FitRequest(ModelPrecision precision, long contextTokens, int chips) {

    /** Context when the user gives none: 4,096 tokens. */
    public static final long DEFAULT_CONTEXT_TOKENS = 4096;

    /** Validates the numbers; a bad value is the user's and gets one sentence. */
    public FitRequest {
        if (contextTokens < 1) {
            throw new FitException("fit.contextTokens must be at least 1 token, got " + contextTokens
                    + "; give fit.contextTokens a positive number of tokens.", List.of("fit.contextTokens"));
        }
        if (chips < 0) {
            throw new FitException("fit.chips must be at least 1, got " + chips
                    + "; give fit.chips a positive number or leave it out to find the fewest chips that fit.",
                    List.of("fit.chips"));
        }
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
        return new FitRequest(newPrecision, contextTokens, chips);
    }

    /**
     * @param newContextTokens tokens, {@code >= 1}
     * @return a copy with that context
     */
    public FitRequest withContext(long newContextTokens) {
        return new FitRequest(precision, newContextTokens, chips);
    }

    /**
     * @param newChips chips to evaluate, {@code >= 1}
     * @return a copy evaluating that many chips
     */
    public FitRequest withChips(int newChips) {
        if (newChips < 1) {
            throw new FitException("fit.chips must be at least 1, got " + newChips
                    + "; give fit.chips a positive number or leave it out to find the fewest chips that fit.",
                    List.of("fit.chips"));
        }
        return new FitRequest(precision, contextTokens, newChips);
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
