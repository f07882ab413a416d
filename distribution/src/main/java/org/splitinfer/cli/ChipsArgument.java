package org.splitinfer.cli;

import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * {@code HW:N} or {@code HW:auto}: an accelerator (its id, or the unique beginning of one) and the chips of one
 * instance, 1 to 1,048,576. {@code ID@NEWID:N} names the chip {@code NEWID} that {@code --set ID@NEWID.FIGURE=VALUE}
 * derives from {@code ID}.
 *
 * @param hardware accelerator as typed
 * @param chips    chips per instance, or empty for auto
 */
record ChipsArgument(String hardware, OptionalInt chips) {

    /** Parses {@code HW:N}; a bad value is one line naming the flag, and exit code 2. */
    static final class Converter implements CommandLine.ITypeConverter<ChipsArgument> {
        @Override
        public ChipsArgument convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new CommandLine.TypeConversionException("must be HW:N or HW:auto (e.g. h100-sxm:8), got '"
                        + value + "'");
            }
            String hardware = value.substring(0, colon);
            if (hardware.indexOf('@') > 0) {
                // ID@NEWID, as in --set ID@NEWID.FIGURE=VALUE: the derived chip
                hardware = hardware.substring(hardware.indexOf('@') + 1);
            }
            String count = value.substring(colon + 1);
            if (count.toLowerCase(Locale.ROOT).equals("auto")) {
                return new ChipsArgument(hardware, OptionalInt.empty());
            }
            try {
                return new ChipsArgument(hardware, OptionalInt.of((int) NumericFlags.whole(count, 1,
                        NumericFlags.MAX_CHIPS, "a whole number of chips")));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("must be HW:N with N a whole number of chips from 1"
                        + " to 1,048,576, or HW:auto for the tool's choice, got '" + value + "'");
            }
        }
    }
}
