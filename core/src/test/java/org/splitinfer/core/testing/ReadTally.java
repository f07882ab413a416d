package org.splitinfer.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a reader's generated inputs ended: read into a result, or refused. A property over mutants means something only
 * when both happened: all refused would say the generator never makes a valid file, all read that it never makes a
 * broken one.
 */
public final class ReadTally {
    private int read;
    private int refused;

    /**
     * @param result what {@link ReaderOutcomes#requireTypedOrSound} returned: a result, or null for a refusal
     */
    public void count(Object result) {
        if (result == null) {
            refused++;
        } else {
            read++;
        }
    }

    /**
     * @param tries the inputs generated
     * @throws AssertionError unless every input was counted and both outcomes occurred
     */
    public void requireBothOutcomes(int tries) {
        assertThat(read + refused).as("inputs counted").isEqualTo(tries);
        assertThat(read).as("inputs read into a result").isPositive();
        assertThat(refused).as("inputs refused").isPositive();
    }
}
