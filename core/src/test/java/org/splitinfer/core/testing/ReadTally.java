package org.splitinfer.core.testing;

/**
 * How a reader's generated inputs ended: read into a result, or refused. A property over mutants means something only
 * when both happened: all refused would say the generator never makes a valid file, all read that it never makes a
 * broken one. A test checks {@code refused()} lies strictly between 0 and {@code total()}.
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

    /** @return inputs refused so far */
    public int refused() {
        return refused;
    }

    /** @return inputs counted so far, read or refused */
    public int total() {
        return read + refused;
    }
}
