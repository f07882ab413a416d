package org.splitinfer.core.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.splitinfer.core.band.Band;

/**
 * Error bands in words ({@link org.splitinfer.core.band.BandMethod}): a figure with its band, and the one phrasing
 * of what a band is that every table, report and note uses. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class BandWords {
    private BandWords() {
    }

    /**
     * A figure with its band, as tables print it: the figure as {@link Words#number} writes it, the band's ends to two
     * significant digits.
     *
     * @param value the figure
     * @param band  its band
     * @return e.g. {@code 48.5 (39–57)}, {@code 24,520 (16,000–31,000)}
     */
    public static String numberWithBand(double value, Band band) {
        return Words.number(value) + " (" + bound(band.low()) + "–" + bound(band.high()) + ")";
    }

    /**
     * A time with its band, the band's ends in the time's unit to two significant digits.
     *
     * @param seconds the time
     * @param band    its band, in seconds
     * @return e.g. {@code 45.2 ms (38–57 ms)}
     */
    public static String secondsWithBand(double seconds, Band band) {
        String unit = seconds < 1e-3 ? "us" : seconds < 1 ? "ms" : "s";
        double scale = seconds < 1e-3 ? 1e6 : seconds < 1 ? 1e3 : 1;
        return Words.seconds(seconds) + " (" + bound(band.low() * scale) + "–" + bound(band.high() * scale) + " " + unit
                + ")";
    }

    /** A band's end: two significant digits, grouped from 100 up. */
    private static String bound(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2));
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", rounded.doubleValue())
                : rounded.toPlainString();
    }

    /**
     * What a band is, the one phrasing every table, report and note uses.
     *
     * @param coverage the bands' nominal coverage, e.g. 0.8
     * @return e.g. {@code 80% intervals from the leave-one-out errors of the validation cases nearest to the chip
     *         (same family and stack, else family, else all; docs/error-bands.md)}
     */
    public static String bandsAre(double coverage) {
        return Words.percent(coverage) + " intervals from the leave-one-out errors of the validation cases nearest to the"
                + " chip (same family and stack, else family, else all; docs/error-bands.md)";
    }

    /** Why some bands rest on assumptions, the one phrasing every output uses. */
    public static final String BANDS_ON_ASSUMPTIONS = "the bands of an announced or projected chip, or of one with"
            + " figures set by --set, rest on assumptions, not measurements, and cover only the model's error on"
            + " measured chips";

    /** How a simulated percentile is banded, the one phrasing plan and compare use. */
    public static final String SIMULATED_BANDS = "a simulated percentile carries the band of the estimate it rests on,"
            + " moved to the percentile";
}
