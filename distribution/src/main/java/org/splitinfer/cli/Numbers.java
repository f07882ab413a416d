package org.splitinfer.cli;

import java.math.BigDecimal;

/**
 * Numbers for CSV: plain decimals a spreadsheet reads (no thousands separators, no units, no exponent), as exact
 * as the double holds; the unit is in the column's name ({@code ttft_seconds}). Tables use {@link Units}.
 */
final class Numbers {
    private Numbers() {
    }

    /** @return e.g. {@code 70553706496}, {@code 0.02921}, {@code 1.5}; empty for a figure that is not finite */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
