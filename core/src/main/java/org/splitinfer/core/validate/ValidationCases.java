package org.splitinfer.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.StructuredText;

/**
 * Reads case files (the validation README's format) strictly: unknown keys are rejected with a suggestion, a key
 * given twice is refused, values are checked for type and range (whole numbers exactly, counts within
 * {@link Limits}), ids must be unique, and every problem of a file is collected before one
 * {@link CaseFileException} names them all, each with its case ({@code cases[3] 'id'}) and key. A file is read
 * through {@link InputFiles}: a regular file of at most {@link Limits#MAX_CONFIG_FILE_BYTES}.
 *
 * <p>What the reader does not check, because a well-formed case may still be unpredictable here: whether the model
 * and hardware ids exist, and whether the metric is valid with the scenario. Those become problems of a
 * {@link ValidationReport}.
 *
 * <p>The default case set ships as {@value #BUILT_IN_RESOURCE}: published measurements copied, with their
 * sources, from the project's shared validation folder.
 *
 * @since 0.1
 */
public final class ValidationCases {

    /** Class-path resource of the shipped case set. */
    public static final String BUILT_IN_RESOURCE = "/org/splitinfer/core/validation/calibration.yaml";

    private ValidationCases() {
    }

    /**
     * The shipped case set.
     *
     * @return its cases, in file order
     */
    public static List<ValidationCase> builtIn() {
        try (InputStream input = ValidationCases.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("resource " + BUILT_IN_RESOURCE + " is missing from the core jar");
            }
            return read("built-in calibration.yaml", input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a case file.
     *
     * @param file the file
     * @return its cases, in file order
     * @throws CaseFileException when the file is missing, unreadable or malformed
     */
    public static List<ValidationCase> read(Path file) {
        return parse(file.toString(), InputFiles.read(file, "case file", Limits.MAX_CONFIG_FILE_BYTES,
                ValidationCases::unreadable));
    }

    /**
     * Reads cases from YAML.
     *
     * @param fileName how to name the file in messages
     * @param input    its contents, not closed
     * @return its cases, in file order
     * @throws CaseFileException naming the file and every problem found
     */
    public static List<ValidationCase> read(String fileName, InputStream input) {
        return parse(fileName, InputFiles.read(input, "case file '" + fileName + "'", "case file",
                Limits.MAX_CONFIG_FILE_BYTES, ValidationCases::unreadable));
    }

    private static CaseFileException unreadable(String message) {
        return new CaseFileException(message + ".", List.of(), null);
    }

    private static List<ValidationCase> parse(String fileName, String text) {
        JsonNode root = StructuredText.yamlTree("case file " + fileName, text, ValidationCases::unreadable);
        List<String> problems = new ArrayList<>();
        List<ValidationCase> cases = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("the file is empty; expected one key 'cases' with a list of cases");
        } else if (!root.isObject()) {
            problems.add("expected a mapping with one key 'cases', got " + CaseParser.kind(root));
        } else {
            CaseParser.unknownKeys(root, "", List.of("cases"), "", problems);
            JsonNode list = root.get("cases");
            if (list == null || list.isNull()) {
                problems.add("key 'cases' is required (a list of cases)");
            } else if (!list.isArray()) {
                problems.add("key 'cases' must be a list of cases, got " + CaseParser.kind(list));
            } else if (list.isEmpty()) {
                problems.add("key 'cases' lists no cases; add at least one");
            } else {
                Map<String, Integer> firstIndexOfId = new HashMap<>();
                for (int index = 0; index < list.size(); index++) {
                    ValidationCase parsed = new CaseParser(index, list.get(index), problems).parse();
                    if (parsed != null) {
                        Integer earlier = firstIndexOfId.putIfAbsent(parsed.id(), index);
                        if (earlier != null) {
                            problems.add("cases[" + index + "] '" + parsed.id() + "': id is already used by cases["
                                    + earlier + "]; give each case its own id");
                        } else {
                            cases.add(parsed);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseFileException("case file '" + fileName + "' is invalid: " + String.join("; ", problems)
                    + ".", problems, null);
        }
        return List.copyOf(cases);
    }
}
