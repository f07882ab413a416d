package org.splitinfer.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.splitinfer.core.sim.ServiceLevel;
import picocli.CommandLine;

/**
 * {@code --slo ttft=1s,tpot=50ms}: each part optional (the default's value stays) and given once, a time above 0 and
 * at most 1e9 s, in s, ms or us.
 */
final class SloConverter implements CommandLine.ITypeConverter<ServiceLevel> {
    @Override
    public ServiceLevel convert(String value) {
        double ttft = ServiceLevel.DEFAULT.ttftSeconds();
        double tpot = ServiceLevel.DEFAULT.tpotSeconds();
        Set<String> given = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String[] pair = part.strip().split("=", 2);
            String key = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !given.add(key)) {
                throw bad(value);
            }
            double seconds = seconds(pair[1].strip(), value);
            switch (key) {
                case "ttft" -> ttft = seconds;
                case "tpot" -> tpot = seconds;
                default -> throw bad(value);
            }
        }
        return new ServiceLevel(ttft, tpot);
    }

    private static double seconds(String text, String whole) {
        String lower = text.toLowerCase(Locale.ROOT);
        double scale;
        String number;
        if (lower.endsWith("ms")) {
            scale = 1e-3;
            number = lower.substring(0, lower.length() - 2);
        } else if (lower.endsWith("us")) {
            scale = 1e-6;
            number = lower.substring(0, lower.length() - 2);
        } else if (lower.endsWith("s")) {
            scale = 1;
            number = lower.substring(0, lower.length() - 1);
        } else {
            throw bad(whole);
        }
        try {
            return NumericFlags.real(number.strip(), 0, NumericFlags.MAX_SECONDS / scale, "a time") * scale;
        } catch (CommandLine.TypeConversionException e) {
            throw bad(whole);
        }
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("must be ttft=TIME,tpot=TIME, each at most once, with TIME"
                + " above 0 in s, ms or us (e.g. ttft=1s,tpot=50ms), got '" + value + "'");
    }
}
