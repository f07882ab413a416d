package org.splitinfer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every command line must end in: exit 0 with well-formed output whose figures are finite and not negative, or
 * exit 1 or 2 with exactly one error line on standard error that is neither an internal failure nor names an
 * exception class — and, for bad input (exit 2), nothing on standard output. A skipped plugin's {@code warning:}
 * lines may come before.
 */
final class CleanOutcome {
    /** Figures that may be negative: a signed logarithm of a ratio. */
    private static final Set<String> SIGNED = Set.of("logError", "log_error", "log error", "seed");
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b(java|javax|picocli|com\\.fasterxml|org\\.yaml)\\.[a-z]");
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("(?<![\\w.\\-/=:+'\"])-\\d");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int columns;

    /** @param columns the width a table must fit, or 0 to leave widths unchecked */
    CleanOutcome(int columns) {
        this.columns = columns;
    }

    /**
     * @param run  what a command line printed and returned
     * @param args the line, whose values may be echoed as text ('Infinity' as a stack's name is no figure)
     * @return what is wrong with it, or empty
     */
    Optional<String> problem(CliRun run, List<String> args) {
        return switch (run.exitCode()) {
            case 0 -> success(run, Set.copyOf(args));
            case 1, 2 -> failure(run);
            default -> Optional.of("exit code " + run.exitCode());
        };
    }

    private Optional<String> failure(CliRun run) {
        List<String> lines = run.err().lines().filter(l -> !l.startsWith("warning: ")).toList();
        if (lines.size() != 1) {
            return Optional.of(lines.size() + " lines on stderr");
        }
        String line = lines.get(0);
        if (!line.startsWith("error: ")) {
            return Optional.of("stderr does not start with 'error: '");
        }
        if (line.contains("please report it")) {
            return Optional.of("an internal failure");
        }
        if (EXCEPTION_NAME.matcher(line).find()) {
            return Optional.of("an exception's name on stderr");
        }
        if (line.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x202e)) {
            return Optional.of("a control character on stderr");
        }
        if (run.exitCode() == 2 && !run.out().isEmpty()) {
            return Optional.of("bad input (exit 2), yet stdout is not empty");
        }
        return Optional.empty();
    }

    private Optional<String> success(CliRun run, Set<String> typed) {
        Optional<String> unexpected = run.err().lines().filter(l -> !l.startsWith("warning: ")).findFirst();
        if (unexpected.isPresent()) {
            return Optional.of("exit 0 with stderr: " + unexpected.get());
        }
        String out = run.out().strip();
        if (out.startsWith("{") || out.startsWith("[")) {
            return json(out, typed);
        }
        List<String> lines = run.out().lines().toList();
        if (!lines.isEmpty() && lines.get(0).contains(",") && lines.stream().allMatch(l -> !l.contains("  "))) {
            return csv(lines, typed);
        }
        for (String line : lines) {
            // a value the user typed is echoed in quotes ('Infinity' as a stack's name) and is not a figure
            String figures = QUOTED.matcher(line).replaceAll("''");
            if (figures.contains("NaN") || figures.contains("Infinity") || figures.contains("\u221e")) {
                return Optional.of("a non-finite figure: " + line.strip());
            }
            if (NEGATIVE_NUMBER.matcher(figures).find()) {
                return Optional.of("a negative figure: " + line.strip());
            }
            if (columns > 0 && line.length() > columns) {
                return Optional.of("a line of " + line.length() + " characters, wider than " + columns);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> json(String out, Set<String> typed) {
        JsonNode root;
        try {
            root = JSON.readTree(out);
        } catch (JsonProcessingException e) {
            return Optional.of("output that starts as JSON but does not parse");
        }
        List<String> problems = new ArrayList<>();
        walk(root, "", typed, problems);
        return problems.stream().findFirst();
    }

    private static void walk(JsonNode node, String path, Set<String> typed, List<String> problems) {
        if (node.isNumber()) {
            double value = node.asDouble();
            if (!Double.isFinite(value) || value < 0 && !SIGNED.contains(last(path))) {
                problems.add("figure " + path + " = " + node);
            }
        } else if (node.isTextual() && !typed.contains(node.asText())
                && (node.asText().equals("NaN") || node.asText().endsWith("Infinity"))) {
            problems.add("figure " + path + " = " + node);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path + "." + field.getKey(), typed, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", typed, problems);
            }
        }
    }

    private static String last(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }

    private static Optional<String> csv(List<String> lines, Set<String> typed) {
        List<String> header = cells(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            if (cells.size() != header.size()) {
                return Optional.of("a CSV row of " + cells.size() + " cells under " + header.size() + " columns");
            }
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).strip();
                if (!typed.contains(cell) && (cell.equals("NaN") || cell.endsWith("Infinity"))) {
                    return Optional.of("CSV " + header.get(i) + " = " + cell);
                }
                if (NUMBER.matcher(cell).matches() && cell.startsWith("-") && !SIGNED.contains(header.get(i))) {
                    return Optional.of("CSV " + header.get(i) + " = " + cell);
                }
            }
        }
        return Optional.empty();
    }

    /** RFC 4180 cells of one line. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
