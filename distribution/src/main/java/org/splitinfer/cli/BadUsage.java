package org.splitinfer.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parameter errors in the tool's words, one sentence each: an unknown command or option with the closest
 * known one, a value out of its flag's range naming the flag and the range, an enumeration's values in lower case.
 */
final class BadUsage {
    private BadUsage() {
    }

    /**
     * @param exception what picocli could not parse
     * @return one line, without the "error: " prefix, ending with where to read the usage
     */
    static String sentence(ParameterException exception) {
        CommandLine failed = exception.getCommandLine();
        String command = failed.getCommandSpec().qualifiedName();
        return OneLine.of(problem(exception, command) + "; run '" + usage(failed) + "' for usage");
    }

    /**
     * @param exception what picocli could not parse
     * @return the problem alone, without where to read the usage
     */
    static String problem(ParameterException exception) {
        return problem(exception, exception.getCommandLine().getCommandSpec().qualifiedName());
    }

    private static String problem(ParameterException exception, String command) {
        if (exception instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, command);
        }
        ArgSpec arg = exception.getArgSpec();
        if (arg instanceof OptionSpec option && option.type().isEnum() && exception.getValue() != null) {
            return option.longestName() + " must be one of " + String.join(", ", constants(option.type()))
                    + ", got '" + exception.getValue() + "'";
        }
        if (exception.getCause() instanceof TypeConversionException conversion && arg instanceof OptionSpec option) {
            // the tool's converters word their range as "must be ...": the flag starts the sentence
            String message = conversion.getMessage();
            return message.startsWith("must ") ? option.longestName() + " " + message
                    : "invalid value for " + option.longestName() + ": " + message;
        }
        return lowerFirst(strip(exception.getMessage()));
    }

    private static String unmatched(UnmatchedArgumentException exception, String command) {
        List<String> arguments = exception.getUnmatched();
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        if (exception.isUnknownOption()) {
            for (String argument : arguments) {
                if (argument.startsWith("-")) {
                    first = argument;
                    break;
                }
            }
            List<String> names = new ArrayList<>();
            for (OptionSpec option : exception.getCommandLine().getCommandSpec().options()) {
                names.addAll(List.of(option.names()));
            }
            return "unknown option '" + first + "' of '" + command + "'" + didYouMean(closest(first, names));
        }
        if (!exception.getCommandLine().getSubcommands().isEmpty()) {
            return "unknown command '" + first + "'"
                    + didYouMean(closest(first, exception.getCommandLine().getSubcommands().keySet()));
        }
        return "unexpected argument '" + first + "': '" + command + "' takes options only (a value with spaces"
                + " needs quotes)";
    }

    /**
     * The known name fewest edits away, ignoring case, when it is near enough to be what was meant: at most a third
     * of the typed name's length, and at least two edits (a transposition is two).
     */
    static String closest(String typed, Collection<String> known) {
        String best = null;
        int fewest = Math.max(2, typed.length() / 3) + 1;
        for (String name : known) {
            int edits = edits(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (edits < fewest) {
                fewest = edits;
                best = name;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions that turn one text into the other. */
    private static int edits(String from, String to) {
        int[] above = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            above[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            int[] row = new int[to.length() + 1];
            row[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitute = above[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(above[j], row[j - 1]) + 1);
            }
            above = row;
        }
        return above[to.length()];
    }

    private static String didYouMean(String closest) {
        return closest == null ? "" : " (did you mean '" + closest + "'?)";
    }

    private static String usage(CommandLine failed) {
        return failed.getParent() == null ? failed.getCommandName() + " help"
                : failed.getCommandSpec().qualifiedName() + " --help";
    }

    private static List<String> constants(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String strip(String message) {
        String trimmed = message == null ? "" : message.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String lowerFirst(String message) {
        if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && !Character.isUpperCase(message.charAt(1))) {
            return Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return message;
    }
}
