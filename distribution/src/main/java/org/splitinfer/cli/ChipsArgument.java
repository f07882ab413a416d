package org.splitinfer.cli;

import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * {@code HW:N} or {@code HW:auto}: an accelerator id and the chips of one instance.
 *
 * @param hardware accelerator id
 * @param chips    chips per instance, or empty for auto
 */
record ChipsArgument(String hardware, OptionalInt chips) {

    /** Parses {@code HW:N}; picocli reports a bad value as one line and exit code 2. */
    static final class Converter implements CommandLine.ITypeConverter<ChipsArgument> {
        @Override
        public ChipsArgument convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException("expected HW:N or HW:auto (e.g. h100-sxm:8), got '"
                        + value + "'");
            }
            String hardware = value.substring(0, colon);
            String count = value.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (count.equals("auto")) {
                return new ChipsArgument(hardware, OptionalInt.empty());
            }
            try {
                int chips = Integer.parseInt(count);
                if (chips < 1) {
                    throw new NumberFormatException();
                }
                return new ChipsArgument(hardware, OptionalInt.of(chips));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("the chip count in '" + value
                        + "' must be a positive integer or auto");
            }
        }
    }
}
