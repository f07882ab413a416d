package org.splitinfer.cli;

import java.util.Locale;
import org.splitinfer.core.sim.ServiceLevel;
import picocli.CommandLine;

/** {@code --slo ttft=1s,tpot=50ms}: each part optional (the default's value stays), units s, ms or us. */
final class SloConverter implements CommandLine.ITypeConverter<ServiceLevel> {
    @Override
    public ServiceLevel convert(String value) {
        double ttft = ServiceLevel.DEFAULT.ttftSeconds();
        double tpot = ServiceLevel.DEFAULT.tpotSeconds();
        for (String part : value.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                throw bad(value);
            }
            double seconds = seconds(pair[1].strip(), value);
            switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
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
            double parsed = Double.parseDouble(number.strip()) * scale;
            if (parsed > 0 && !Double.isInfinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(whole);
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("expected ttft=TIME,tpot=TIME with a positive TIME in s, ms"
                + " or us (e.g. ttft=1s,tpot=50ms), got '" + value + "'");
    }
}
