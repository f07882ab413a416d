package org.splitinfer.cli;

import picocli.CommandLine;

/** A count flag: a whole number of at least 1; anything else is one line and exit code 2. */
final class PositiveInteger implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new CommandLine.TypeConversionException("expected a whole number from 1 to 2147483647, got '" + value
                + "'");
    }
}
