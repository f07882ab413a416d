package org.splitinfer.core.validate;

import java.util.Arrays;
import java.util.Collection;

/**
 * Quantiles by linear interpolation between order statistics, as numpy's default ({@code method="linear"}, type 7
 * of Hyndman and Fan, 1996): the q-quantile of n sorted values v is at position p = (n − 1)·q, and equals
 * v[⌊p⌋] + (p − ⌊p⌋)·(v[⌊p⌋ + 1] − v[⌊p⌋]).
 *
 * @since 0.1
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * @param values   at least one value, finite; not modified
     * @param quantile in [0, 1]
     * @return the interpolated quantile
     */
    public static double of(Collection<Double> values, double quantile) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + quantile);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * quantile;
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /**
     * @param values at least one value
     * @return the median: the 0.5-quantile
     */
    public static double median(Collection<Double> values) {
        return of(values, 0.5);
    }
}
