package org.splitinfer.core.band;

/**
 * The interval a predicted figure's true value lies in, at a nominal coverage, from the leave-one-out residuals of
 * the nearest validation cases ({@link BandMethod}).
 *
 * @param low      the lower end, in the figure's unit; positive, at most {@code high}
 * @param high     the upper end, in the figure's unit
 * @param basis    which cases it rests on
 * @param cases    how many residuals it was taken from
 * @param coverage the nominal share of true values inside, e.g. 0.8
 * @since 0.1
 */
public record Band(double low, double high, BandBasis basis, int cases, double coverage) {
    /** Validates the fields. */
    public Band {
        if (!(low > 0 && low <= high && Double.isFinite(high))) {
            throw new IllegalArgumentException("a band needs 0 < low <= high, finite; got [" + low + ", " + high
                    + "]");
        }
        if (basis == null) {
            throw new IllegalArgumentException("basis is required");
        }
        if (cases < 1) {
            throw new IllegalArgumentException("a band rests on at least one case, got " + cases);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1), got " + coverage);
        }
    }

    /**
     * @param value a value in the figure's unit
     * @return whether it lies in the band, ends included
     */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /**
     * The same band around another value of the figure: bands are ratios of the prediction (log residuals), so a
     * band of {@code [L, H]} around {@code v} is {@code [L·w/v, H·w/v]} around {@code w} (a simulated percentile of
     * a figure the estimate predicted, say).
     *
     * @param from the value this band is around, {@code > 0}
     * @param to   the value to move it to, {@code > 0}
     * @return the moved band
     */
    public Band scaled(double from, double to) {
        if (!(from > 0) || !(to > 0) || Double.isInfinite(from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException("a band moves between positive finite values, got " + from + " and "
                    + to);
        }
        double ratio = to / from;
        return new Band(low * ratio, high * ratio, basis, cases, coverage);
    }

    /** @return whether the band rests on assumptions rather than measurements of the chip's family */
    public boolean restsOnAssumptions() {
        return basis == BandBasis.ASSUMPTIONS_ONLY;
    }
}
