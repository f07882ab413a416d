package org.splitinfer.core.fit;

import java.util.OptionalDouble;

/**
 * The batch-1 decode step time under one placement, or why there is none.
 *
 * @param seconds the step's latency through every pipeline stage, or empty when the chip cannot price it
 * @param note    why it is missing (the chip's own sentence, e.g. a format it cannot compute), or null when present
 * @since 0.1
 */
public record DecodeTiming(OptionalDouble seconds, String note) {

    /** Requires a note exactly when the time is missing. */
    public DecodeTiming {
        if (seconds == null) {
            throw new IllegalArgumentException("decode timing seconds must not be null; use OptionalDouble.empty()");
        }
        if (seconds.isEmpty() == (note == null)) {
            throw new IllegalArgumentException("a decode timing has a note exactly when its seconds are missing");
        }
    }

    /**
     * @param seconds the step's latency
     * @return a priced timing
     */
    public static DecodeTiming of(double seconds) {
        return new DecodeTiming(OptionalDouble.of(seconds), null);
    }

    /**
     * @param why one sentence
     * @return a timing the chip could not price
     */
    public static DecodeTiming unavailable(String why) {
        return new DecodeTiming(OptionalDouble.empty(), why);
    }
}
