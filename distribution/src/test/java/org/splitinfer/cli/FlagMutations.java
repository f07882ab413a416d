package org.splitinfer.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Flag lines a hostile user would type, made from a command's valid lines by one to three mutations: a token or a
 * flag dropped, a flag duplicated, two swapped, a value replaced (zero, negative, huge, fractional, non-numeric, an
 * unknown id, odd characters), a flag misspelt, a flag of the command added where it may not apply, a stray
 * argument. The flags and whether they take a value come from the command's own picocli model, so a new flag is
 * mutated without a change here; values come from the pool of the flag's name, else the hostile pool.
 *
 * <p>Deterministic for a seed. Flags listed as pinned are never dropped whole, and a required flag that the
 * mutations removed after all (a dropped token, a misspelling) is put back: they bound what a valid line costs (a
 * simulation's request count, a plan's chips, a small case file), so that ten thousand lines stay cheap.
 */
final class FlagMutations {
    /** Values that are wrong for most flags, and a few that are right for some. */
    static final List<String> HOSTILE = List.of("0", "-1", "-0", "1", "2", "1.5", "0.5", "1e3", "1e400", "-1e-9",
            "NaN", "Infinity", "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "2147483647", "2147483648", "4294967304", "", " ", "abc", "0x10", "1_000", "+5", "\u0663", "5 ", "a\nb",
            "\t", "\u0000", "\u00e9", "\ud83d\ude42", "--", "-", "auto", "offline", "null", "~", "../x", "/",
            "/nonexistent/file.yaml", "@/nonexistent", "%s", "${env:HOME}");

    private final CommandSpec command;
    private final List<String> flags;
    private final Map<String, List<String>> values;
    private final Set<String> pinned;
    private final List<List<String>> required;
    private final Set<String> outputs;
    private final String scratch;
    private final SplittableRandom random;

    /**
     * @param command the command whose flags are mutated
     * @param values  values to try per flag name (each flag also gets the hostile pool)
     * @param pinned   flags never dropped whole
     * @param required each a flag and its value, then the flags that stand for it: when a line has none of them,
     *                 the flag and value are appended
     * @param outputs  flags that name a file to write: their values stay in the scratch folder, whatever the mutation
     * @param scratch  the folder files may be written in
     * @param seed     the seed of every choice
     */
    FlagMutations(CommandSpec command, Map<String, List<String>> values, Set<String> pinned,
                  List<List<String>> required, Set<String> outputs, String scratch, long seed) {
        this.command = command;
        this.values = values;
        this.pinned = pinned;
        this.required = required;
        this.outputs = outputs;
        this.scratch = scratch;
        this.random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            names.addAll(List.of(option.names()));
        }
        this.flags = List.copyOf(names);
    }

    /**
     * @param valid the command's valid lines, without the command's name
     * @return one of them, mutated one to three times
     */
    List<String> next(List<List<String>> valid) {
        List<String> line = new ArrayList<>(valid.get(random.nextInt(valid.size())));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(line);
        }
        keepWritesInScratch(line);
        for (List<String> flags : required) {
            boolean present = false;
            for (String flag : flags.subList(2, flags.size())) {
                present |= line.stream().anyMatch(token -> token.equals(flag) || token.startsWith(flag + "="));
            }
            if (!present && line.stream().noneMatch(token -> token.equals(flags.get(0))
                    || token.startsWith(flags.get(0) + "="))) {
                line.addAll(flags.subList(0, 2));
            }
        }
        return line;
    }

    /**
     * A line in a canonical order: its flags (each with its value) sorted, when each appears once and nothing else
     * is on the line; picocli reads such lines alike whatever their order, so one run stands for all orders.
     *
     * @param line a line, without the command's name
     * @return the line sorted, or as it is
     */
    List<String> canonical(List<String> line) {
        List<List<String>> groups = groups(line);
        Set<String> seen = new HashSet<>();
        for (List<String> group : groups) {
            if (command.findOption(group.get(0)) == null || !seen.add(group.get(0))) {
                return line;
            }
        }
        groups.sort(Comparator.comparing(group -> String.join("\n", group)));
        List<String> sorted = new ArrayList<>();
        groups.forEach(sorted::addAll);
        return sorted;
    }

    /** A file a line writes is the scratch folder's, never one of the working directory. */
    private void keepWritesInScratch(List<String> line) {
        for (int i = 0; i < line.size(); i++) {
            String token = line.get(i);
            int equals = token.indexOf('=');
            if (equals > 0 && outputs.contains(token.substring(0, equals))
                    && !token.substring(equals + 1).startsWith(scratch)) {
                line.set(i, token.substring(0, equals + 1) + scratch + "/written.out");
            } else if (outputs.contains(token) && i + 1 < line.size() && !line.get(i + 1).startsWith(scratch)) {
                line.set(i + 1, scratch + "/written.out");
            }
        }
    }

    private void mutate(List<String> line) {
        switch (random.nextInt(11)) {
            case 0 -> dropToken(line);
            case 1 -> dropFlag(line);
            case 2 -> duplicateFlag(line);
            case 3 -> swapFlags(line);
            case 4, 5 -> replaceValue(line);
            case 6 -> misspellFlag(line);
            case 7, 8 -> addFlag(line);
            case 9 -> oddCharacters(line);
            default -> strayArgument(line);
        }
    }

    private void dropToken(List<String> line) {
        if (!line.isEmpty()) {
            line.remove(random.nextInt(line.size()));
        }
    }

    private void dropFlag(List<String> line) {
        List<Integer> starts = flagStarts(line);
        if (starts.isEmpty()) {
            return;
        }
        int start = starts.get(random.nextInt(starts.size()));
        if (pinned.contains(line.get(start))) {
            return;
        }
        int end = start + 1 + (takesValue(line.get(start)) && start + 1 < line.size() ? 1 : 0);
        line.subList(start, end).clear();
    }

    private void duplicateFlag(List<String> line) {
        List<Integer> starts = flagStarts(line);
        if (starts.isEmpty()) {
            return;
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = Math.min(line.size(), start + 1 + (takesValue(line.get(start)) ? 1 : 0));
        line.addAll(new ArrayList<>(line.subList(start, end)));
    }

    private void swapFlags(List<String> line) {
        List<List<String>> groups = groups(line);
        if (groups.size() < 2) {
            return;
        }
        int a = random.nextInt(groups.size());
        int b = random.nextInt(groups.size());
        List<String> swap = groups.get(a);
        groups.set(a, groups.get(b));
        groups.set(b, swap);
        line.clear();
        groups.forEach(line::addAll);
    }

    private void replaceValue(List<String> line) {
        List<Integer> starts = new ArrayList<>();
        for (int start : flagStarts(line)) {
            if (takesValue(line.get(start)) && start + 1 < line.size()) {
                starts.add(start);
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        int start = starts.get(random.nextInt(starts.size()));
        line.set(start + 1, value(line.get(start)));
    }

    private void misspellFlag(List<String> line) {
        List<Integer> starts = flagStarts(line);
        if (starts.isEmpty()) {
            return;
        }
        int start = starts.get(random.nextInt(starts.size()));
        String flag = line.get(start);
        String misspelt = switch (random.nextInt(6)) {
            case 0 -> flag.substring(0, flag.length() - 1);
            case 1 -> flag + "s";
            case 2 -> flag.toUpperCase(Locale.ROOT);
            case 3 -> flag.substring(1);
            case 4 -> flag.length() > 4 ? flag.substring(0, 3) + flag.charAt(4) + flag.charAt(3) + flag.substring(5)
                    : flag + flag;
            default -> takesValue(flag) && start + 1 < line.size() ? flag + "=" + line.remove(start + 1) : flag + "=";
        };
        line.set(start, misspelt);
    }

    private void addFlag(List<String> line) {
        String flag = flags.get(random.nextInt(flags.size()));
        int at = groupBoundary(line);
        if (takesValue(flag)) {
            line.addAll(at, List.of(flag, value(flag)));
        } else {
            line.add(at, flag);
        }
    }

    private void oddCharacters(List<String> line) {
        if (line.isEmpty()) {
            return;
        }
        int at = random.nextInt(line.size());
        String odd = List.of("\n", "\r", "\u001b[31m", "\u0000", "\u202e", " ", ",", "=", ":", "'", "\"", "\\")
                .get(random.nextInt(12));
        String token = line.get(at);
        int where = random.nextInt(token.length() + 1);
        line.set(at, token.substring(0, where) + odd + token.substring(where));
    }

    private void strayArgument(List<String> line) {
        line.add(random.nextInt(line.size() + 1), HOSTILE.get(random.nextInt(HOSTILE.size())));
    }

    private String value(String flag) {
        List<String> pool = values.getOrDefault(flag, List.of());
        // mostly the flag's own pool (valid neighbours and its typical mistakes), else anything hostile
        if (!pool.isEmpty() && (random.nextInt(3) > 0 || pinned.contains(flag) || outputs.contains(flag))) {
            return pool.get(random.nextInt(pool.size()));
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private boolean takesValue(String flag) {
        OptionSpec option = command.findOption(flag);
        return option != null && option.arity().max() > 0;
    }

    private List<Integer> flagStarts(List<String> line) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            if (command.findOption(line.get(i)) != null) {
                starts.add(i);
                if (takesValue(line.get(i))) {
                    i++;
                }
            }
        }
        return starts;
    }

    /** The line cut into flags with their values (and any other token alone). */
    private List<List<String>> groups(List<String> line) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            int end = i + 1 + (takesValue(line.get(i)) && i + 1 < line.size() ? 1 : 0);
            groups.add(new ArrayList<>(line.subList(i, end)));
            i = end - 1;
        }
        return groups;
    }

    private int groupBoundary(List<String> line) {
        List<Integer> boundaries = new ArrayList<>();
        int at = 0;
        for (List<String> group : groups(line)) {
            boundaries.add(at);
            at += group.size();
        }
        boundaries.add(at);
        return boundaries.get(random.nextInt(boundaries.size()));
    }
}
