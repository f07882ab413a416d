package org.splitinfer.testkit;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Ranges no real chip falls outside: a figure beyond them is a unit slip (GB/s typed as MB/s, GiB as GB, kW as W,
 * a sparse peak for a dense one), not a new chip. Each range is the extremes of every chip the shipped plugins
 * describe, of every family and status, widened by a margin, as measured from their sheets (2026):
 *
 * <pre>
 *   full-speed bandwidth ÷ capacity   16 /s (Blackhole GDDR6) .. 5.8e5 /s (Blackhole SRAM as a tier);
 *                                     HBM 16..69 /s, LPU and wafer SRAM 4e4..5e5 /s           range 2 .. 5e6 /s
 *   slower tiers                      6.3e-5 /s (MemoryX behind a wafer) .. 5.8e5 /s (Tensix L1)   1e-6 .. 5e6 /s
 *   ridge: dense peak ÷ fastest       0.38 FLOP/B (WSE-2) .. 1,300 (Blackhole FP8), 6,250 for the
 *          full-speed bandwidth       projected Lumai engine                                     0.03 .. 5e4 FLOP/B
 *   dense peak ÷ peak watts           4.9e10 FLOP/s per W (A100 FP32) .. 9e12 (B200 FP4), 1.25e14
 *                                     for the projected Lumai engine                             4e9 .. 1e15 FLOP/s/W
 *   link bandwidth per chip           3.1e9 B/s (Groq and Envise scale-out) .. 1.3e12 (LP30 C2C)  1e8 .. 1e14 B/s
 * </pre>
 *
 * So an HBM bandwidth of 4.0e9 bytes per second (4 GB/s, a thousandfold slip of 4 TB/s) on 80 GB reads the tier
 * 0.05 times a second, forty times below the lowest bound. The margins leave room for chips to come (a tenfold
 * ridge over today's projected parts) while catching slips of a thousand.
 */
final class Plausibility {
    /** Full-speed tier: bytes per second per byte of capacity (whole-tier reads per second). */
    static final double FULL_SPEED_READS_PER_SECOND_MIN = 2;
    /** Full-speed tier: the most whole-tier reads per second. */
    static final double FULL_SPEED_READS_PER_SECOND_MAX = 5e6;
    /** Slower tier (DDR, host, external): the fewest whole-tier reads per second. */
    static final double SLOW_READS_PER_SECOND_MIN = 1e-6;
    /** Slower tier: the most whole-tier reads per second. */
    static final double SLOW_READS_PER_SECOND_MAX = 5e6;
    /** Ridge point, FLOP per byte of the fastest full-speed tier: the lowest. */
    static final double RIDGE_FLOPS_PER_BYTE_MIN = 0.03;
    /** Ridge point: the highest. */
    static final double RIDGE_FLOPS_PER_BYTE_MAX = 5e4;
    /** Dense peak per watt of the chip's peak power: the lowest. */
    static final double FLOPS_PER_WATT_MIN = 4e9;
    /** Dense peak per watt: the highest. */
    static final double FLOPS_PER_WATT_MAX = 1e15;
    /** Scale-up or scale-out bandwidth of one chip, one direction: the lowest. */
    static final double LINK_BYTES_PER_SECOND_MIN = 1e8;
    /** Scale-up or scale-out bandwidth: the highest. */
    static final double LINK_BYTES_PER_SECOND_MAX = 1e14;

    private Plausibility() {
    }

    /**
     * @param value a figure
     * @param min   the range's low end
     * @param max   the range's high end
     * @return whether it lies within
     */
    static boolean within(double value, double min, double max) {
        return value >= min && value <= max;
    }

    /** @return e.g. {@code 2 to 5E+6} */
    static String range(double min, double max) {
        return number(min) + " to " + number(max);
    }

    /** @return three significant digits, e.g. {@code 0.05}, {@code 4E+9} */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toString();
    }
}
