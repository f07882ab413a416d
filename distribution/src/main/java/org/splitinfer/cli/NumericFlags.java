package org.splitinfer.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.input.Limits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The numeric flags' documented ranges (README, "Flag values"), and picocli converters that parse against them
 * strictly: a whole number is ASCII digits only (no sign, no exponent, no hexadecimal, no other script's digits), a
 * real number is digits with an optional fraction and exponent (no NaN, no infinity). A value outside its range is
 * refused with one sentence that the tool opens with the flag: "--input must be a whole number of tokens from 1 to
 * 16,777,216, got '0'". Zero never stands for something else: a count whose default is the tool's choice takes the
 * word {@code auto}, and {@code --concurrency} takes {@code offline}.
 *
 * <p>The ranges are core's {@link Limits}, so that a flag and the same value in a file or through the API are refused
 * alike; products of them (chips per instance × instances, batch × tokens) are checked by core with exact arithmetic.
 */
final class NumericFlags {
    /** Tokens of a prompt, an answer, a context or a chunk. */
    static final long MAX_TOKENS = Limits.MAX_TOKENS;
    /** Chips of one instance, and tensor, pipeline or expert degrees. */
    static final int MAX_CHIPS = Limits.MAX_CHIPS;
    /** Instances of one pool (whose chips × instances core bounds by the same figure). */
    static final int MAX_INSTANCES = Limits.MAX_CHIPS;
    /** Requests in flight, and sequences in one step. */
    static final int MAX_CONCURRENCY = Limits.MAX_SEQUENCES;
    /** Requests one simulation runs. */
    static final long MAX_REQUESTS = 1_000_000_000;
    /** Simulated seconds (1e9 s is 1e18 ns, within the simulator's long nanoseconds). */
    static final double MAX_SECONDS = 1e9;
    /** Requests per second. */
    static final double MAX_RATE = 1e6;
    /** Candidates a plan verifies by simulation. */
    static final int MAX_TOP = 1_000;
    /** A budget of kilowatts or dollars per hour. */
    static final double MAX_BUDGET = 1e12;

    private static final Pattern WHOLE = Pattern.compile("[0-9]+");
    private static final Pattern REAL = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");

    private NumericFlags() {
    }

    /**
     * @param value what was typed
     * @param min   the least value allowed
     * @param max   the greatest value allowed
     * @param what  the number's kind for the message, e.g. "a whole number of tokens"
     * @return the value
     * @throws TypeConversionException "must be what from min to max, got 'value'"
     */
    static long whole(String value, long min, long max, String what) {
        if (WHOLE.matcher(value).matches()) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // past a long: out of range, reported below
            }
        }
        throw new TypeConversionException("must be " + what + " from " + grouped(min) + " to " + grouped(max)
                + ", got '" + value + "'");
    }

    /**
     * @param value     what was typed
     * @param above     the value must exceed this
     * @param max       the greatest value allowed
     * @param what      the number's kind for the message, e.g. "a number of seconds"
     * @return the value
     * @throws TypeConversionException "must be what above 'above' and at most max, got 'value'"
     */
    static double real(String value, double above, double max, String what) {
        if (REAL.matcher(value).matches()) {
            double parsed = Double.parseDouble(value);
            if (parsed > above && parsed <= max) {
                return parsed;
            }
        }
        throw new TypeConversionException("must be " + what + " above " + plain(above) + " and at most "
                + plain(max) + ", got '" + value + "'");
    }

    /**
     * A run of requests at a rate spans about requests ÷ rate simulated seconds, and the simulator counts time in
     * nanoseconds of a long: a span past {@link #MAX_SECONDS} is refused before it wraps.
     *
     * @param requests the run's requests
     * @param rate     requests per second
     * @throws SplitInferException naming both flags and the limit
     */
    static void checkSpan(long requests, double rate) {
        double seconds = requests / rate;
        if (seconds > MAX_SECONDS) {
            throw new SplitInferException("--requests " + requests + " at --rate " + rate + " would span about "
                    + String.format(Locale.ROOT, "%.3g", seconds) + " simulated seconds, past the simulator's 1e9"
                    + " (31 years); raise --rate or lower --requests");
        }
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return grouped((long) value);
        }
        // a bound between 0.001 and 1 reads best as a decimal (0.5, not 5e-01)
        if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.0e", value).replace("e+0", "e").replace("e+", "e");
    }

    /** A whole number in a range, for a {@code long} field. */
    private abstract static class WholeLong implements ITypeConverter<Long> {
        private final long min;
        private final long max;
        private final String what;

        WholeLong(long min, long max, String what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        @Override
        public Long convert(String value) {
            return whole(value, min, max, what);
        }
    }

    /** A whole number in a range, for an {@code int} field. */
    private abstract static class WholeInt implements ITypeConverter<Integer> {
        private final int min;
        private final int max;
        private final String what;

        WholeInt(int min, int max, String what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        @Override
        public Integer convert(String value) {
            return (int) whole(value, min, max, what);
        }
    }

    /** A real number above a bound and at most a maximum. */
    private abstract static class Real implements ITypeConverter<Double> {
        private final double max;
        private final String what;

        Real(double max, String what) {
            this.max = max;
            this.what = what;
        }

        @Override
        public Double convert(String value) {
            return real(value, 0, max, what);
        }
    }

    /**
     * A count whose absence has a name: the name (any case) gives an empty value, else 1 to {@code max}; the
     * message names the word, so that 0 is never read as it.
     */
    private abstract static class CountOrWord implements ITypeConverter<OptionalInt> {
        private final String word;
        private final int max;
        private final String expected;

        CountOrWord(String word, int max, String expected) {
            this.word = word;
            this.max = max;
            this.expected = expected;
        }

        @Override
        public OptionalInt convert(String value) {
            if (value.equalsIgnoreCase(word)) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of((int) whole(value, 1, max, "a whole number"));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("must be " + expected + ", got '" + value + "'");
            }
        }
    }

    /** Prompt or answer tokens, chunk tokens: 1 to 16,777,216. */
    static final class Tokens extends WholeLong {
        Tokens() {
            super(1, MAX_TOKENS, "a whole number of tokens");
        }
    }

    /** Tokens already in a sequence's KV cache: 0 (a fresh prompt) to 16,777,216. */
    static final class ContextTokens extends WholeLong {
        ContextTokens() {
            super(0, MAX_TOKENS, "a whole number of tokens");
        }
    }

    /** Requests one simulation runs: 1 to 1,000,000,000. */
    static final class Requests extends WholeLong {
        Requests() {
            super(1, MAX_REQUESTS, "a whole number of requests");
        }
    }

    /** A seed: any whole number from 0 to 9,223,372,036,854,775,807. */
    static final class Seed extends WholeLong {
        Seed() {
            super(0, Long.MAX_VALUE, "a whole number");
        }
    }

    /** Instances of a pool: 1 to 1,048,576. */
    static final class Instances extends WholeInt {
        Instances() {
            super(1, MAX_INSTANCES, "a whole number of instances");
        }
    }

    /** A tensor, pipeline or expert degree that the user sets: 1 to 1,048,576. */
    static final class Degree extends WholeInt {
        Degree() {
            super(1, MAX_CHIPS, "a whole number");
        }
    }

    /** Requests in flight that auto pools are sized for, or sequences in one step: 1 to 1,048,576. */
    static final class Sequences extends WholeInt {
        Sequences() {
            super(1, MAX_CONCURRENCY, "a whole number of sequences");
        }
    }

    /** Candidates a plan verifies: 1 to 1,000. */
    static final class Candidates extends WholeInt {
        Candidates() {
            super(1, MAX_TOP, "a whole number of candidates");
        }
    }

    /** A chip budget: 1 to 2,147,483,647. */
    static final class ChipBudget extends WholeInt {
        ChipBudget() {
            super(1, Integer.MAX_VALUE, "a whole number of chips");
        }
    }

    /** A count whose default is the tool's choice: {@code auto}, or 1 to 1,048,576. */
    static final class CountOrAuto extends CountOrWord {
        CountOrAuto() {
            super("auto", MAX_CHIPS, "auto (the tool's choice) or a whole number from 1 to " + grouped(MAX_CHIPS));
        }
    }

    /** Requests in flight: 1 to 1,048,576, or {@code offline} (an unlimited backlog), as an empty value. */
    static final class Concurrency extends CountOrWord {
        Concurrency() {
            super("offline", MAX_CONCURRENCY, "a whole number of requests from 1 to " + grouped(MAX_CONCURRENCY)
                    + ", or offline for an unlimited backlog");
        }
    }

    /** Simulated seconds: above 0, at most 1e9. */
    static final class Seconds extends Real {
        Seconds() {
            super(MAX_SECONDS, "a number of seconds");
        }
    }

    /** Requests per second: above 0, at most 1,000,000. */
    static final class Rate extends Real {
        Rate() {
            super(MAX_RATE, "a number of requests per second");
        }
    }

    /** A sensitivity analysis's relative step: above 0, at most 0.5. */
    static final class Step extends Real {
        Step() {
            super(0.5, "a relative step");
        }
    }

    /** A share of requests: above 0, at most 1. */
    static final class Share extends Real {
        Share() {
            super(1, "a share");
        }
    }

    /** A budget in kilowatts or dollars per hour: above 0, at most 1e12. */
    static final class Budget extends Real {
        Budget() {
            super(MAX_BUDGET, "a number");
        }
    }
}
