package org.splitinfer.core.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.splitinfer.core.error.SplitInferException;

/**
 * A latency objective per request: it is met when its time to first token is at most {@code ttftSeconds} and its
 * time per output token (after the first) at most {@code tpotSeconds}.
 *
 * @param ttftSeconds time to first token, queueing included, {@code > 0}
 * @param tpotSeconds time per output token, {@code > 0}
 * @since 0.1
 */
public record ServiceLevel(double ttftSeconds, double tpotSeconds) {
    /** A plain decimal number, as {@code --slo} takes its times. */
    private static final Pattern REAL = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");
    /** The longest time an objective may name: the simulator counts nanoseconds in a long. */
    private static final double MAX_SECONDS = 1e9;
    /** 1 s to first token and 50 ms per output token (20 tokens/s: faster than people read). */
    public static final ServiceLevel DEFAULT = new ServiceLevel(1.0, 0.050);

    /** Validates the limits; messages name the fields {@code slo.ttft} and {@code slo.tpot}. */
    public ServiceLevel {
        if (!(ttftSeconds > 0) || !(tpotSeconds > 0) || Double.isInfinite(ttftSeconds)
                || Double.isInfinite(tpotSeconds)) {
            throw new SplitInferException("slo.ttft and slo.tpot must be positive and finite seconds, got "
                    + ttftSeconds + " and " + tpotSeconds, null, List.of("slo.ttft", "slo.tpot"));
        }
    }

    /**
     * Reads an objective as {@code --slo} and sweep grids spell it: {@code ttft=1s,tpot=50ms}, each part optional
     * (the default's value stays) and given at most once, a time above 0 and at most 1e9 s, in s, ms or us.
     *
     * @param text the objective
     * @return the objective
     * @throws SplitInferException {@code must be ttft=TIME,tpot=TIME, ... got '<text>'}, for the caller to prefix
     *                             with where the text came from
     */
    public static ServiceLevel parse(String text) {
        double ttft = DEFAULT.ttftSeconds();
        double tpot = DEFAULT.tpotSeconds();
        Set<String> given = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String[] pair = part.strip().split("=", 2);
            String key = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !given.add(key)) {
                throw badText(text);
            }
            double seconds = seconds(pair[1].strip(), text);
            switch (key) {
                case "ttft" -> ttft = seconds;
                case "tpot" -> tpot = seconds;
                default -> throw badText(text);
            }
        }
        return new ServiceLevel(ttft, tpot);
    }

    private static double seconds(String time, String whole) {
        String lower = time.toLowerCase(Locale.ROOT);
        double scale;
        int unit;
        if (lower.endsWith("ms") || lower.endsWith("us")) {
            scale = lower.endsWith("ms") ? 1e-3 : 1e-6;
            unit = 2;
        } else if (lower.endsWith("s")) {
            scale = 1;
            unit = 1;
        } else {
            throw badText(whole);
        }
        String number = lower.substring(0, lower.length() - unit).strip();
        if (!REAL.matcher(number).matches()) {
            throw badText(whole);
        }
        double value = Double.parseDouble(number);
        if (!(value > 0 && value <= MAX_SECONDS / scale)) {
            throw badText(whole);
        }
        return value * scale;
    }

    private static SplitInferException badText(String text) {
        return new SplitInferException("must be ttft=TIME,tpot=TIME, each at most once, with TIME above 0 in s, ms or"
                + " us (e.g. ttft=1s,tpot=50ms), got '" + text + "'");
    }
}
