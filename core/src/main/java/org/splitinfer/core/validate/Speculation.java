package org.splitinfer.core.validate;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * That a case was measured with speculative decoding, and what its source published of it. A case with one is
 * predicted with speculative decoding and never fitted as plain decoding (the calibration leaves it out: its speed
 * rests on an acceptance rate that is assumed unless published). What was not published takes the estimator's
 * documented defaults ({@link org.splitinfer.core.estimate.SpeculativeDecoding}).
 *
 * @param draft      the draft: a model id of the catalog (not checked here), {@value #HEADS} for heads of one decoder
 *                   layer built into the target, or null when not published (the default draft)
 * @param tokens     tokens proposed per step, or empty when not published
 * @param acceptance the acceptance rate per proposed token, in (0, 1), or empty when not published
 * @since 0.1
 */
public record Speculation(String draft, OptionalInt tokens, OptionalDouble acceptance) {
    /** The draft's name for heads built into the target. */
    public static final String HEADS = "heads";

    /** Checks the optionals are present. */
    public Speculation {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(acceptance, "acceptance");
    }
}
