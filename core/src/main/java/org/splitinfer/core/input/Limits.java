package org.splitinfer.core.input;

import java.util.Locale;

/**
 * The largest counts, sizes and files SplitInfer accepts. Each is far beyond any real deployment, model or file, and
 * small enough that the arithmetic built on it cannot overflow: a count past its limit is refused with one sentence
 * where it enters (a flag, a file's key, a record of the API), never wrapped into a negative or a zero.
 *
 * <p>Why these figures: 2^20 chips is several times the largest AI cluster announced to date, so a deployment's
 * chips (instances times chips per instance, summed over its pools) always fit an {@code int}; 2^24 tokens per
 * sequence is over a hundred times the longest context window of the shipped models, and keeps tokens times batch
 * times a layer's width inside a {@code long}. The file limits are many times the largest file of each kind the
 * project ships, and small enough that a mistaken path (a disk image, {@code /dev/zero}) is refused at once.
 *
 * @since 0.1
 */
public final class Limits {
    /** Chips of one pool (instances times chips per instance) and of one deployment (all pools): 1,048,576. */
    public static final int MAX_CHIPS = 1 << 20;
    /** Tokens of one sequence: a prompt, an answer, a context, or prompt and answer together: 16,777,216. */
    public static final long MAX_TOKENS = 1L << 24;
    /** Sequences at once: a batch, a batch cap, the requests in flight: 1,048,576. */
    public static final int MAX_SEQUENCES = 1 << 20;
    /** New tokens of all sequences in one step together (batch times tokens): 4,294,967,296. */
    public static final long MAX_STEP_TOKENS = 1L << 32;
    /** A pipeline, deployments, case, model, config.json, hardware-sheet or calibration file: 1 MiB. */
    public static final long MAX_CONFIG_FILE_BYTES = 1L << 20;
    /** A workload trace: 1 GiB, some thirty million requests (a trace streams; it is never held whole). */
    public static final long MAX_TRACE_FILE_BYTES = 1L << 30;
    /** Levels of nested mappings and lists in a YAML or JSON file: 64 (the deepest schema needs 5). */
    public static final int MAX_NESTING_DEPTH = 64;

    private Limits() {
    }

    /**
     * @param value a count
     * @param min   the least allowed
     * @param max   the most allowed
     * @return whether {@code min <= value <= max}
     */
    public static boolean within(long value, long min, long max) {
        return value >= min && value <= max;
    }

    /**
     * A count for a message, with thousands separators: {@code 1,048,576}.
     *
     * @param value the count
     * @return it in words' digits
     */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A file size for a message: {@code 1 MiB}, {@code 1 GiB}, or bytes.
     *
     * @param bytes the size
     * @return it with its unit
     */
    public static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return count(bytes) + " bytes";
    }

    /**
     * The sentence fragment of a count out of its range: {@code decode.instances must be from 1 to 1,048,576, got
     * 1000000000}.
     *
     * @param field the field's path
     * @param value what was given
     * @param min   the least allowed
     * @param max   the most allowed
     * @return the fragment, without a closing full stop, for the caller to add its way out
     */
    public static String outOfRange(String field, long value, long min, long max) {
        return field + " must be from " + count(min) + " to " + count(max) + ", got " + value;
    }
}
