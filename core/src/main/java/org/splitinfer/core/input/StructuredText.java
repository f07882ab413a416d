package org.splitinfer.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one configuration of SplitInfer's YAML and JSON parsers, and the one wording of their syntax errors. Every
 * reader of a user's file parses through here, so each gets the same guarantees:
 *
 * <ul>
 *   <li>a key repeated in one mapping is refused (not "the last one wins");</li>
 *   <li>nesting deeper than {@link Limits#MAX_NESTING_DEPTH} levels is refused, cleanly;</li>
 *   <li>an alias ({@code *name}) is refused: Jackson would read it as the text "name", not its anchor's value;</li>
 *   <li>numbers bind exactly: {@code 32.9} is not an integer, {@code 4294967304} is not an {@code int}, and text is
 *       not silently a number or a boolean;</li>
 *   <li>a syntax error is one line, {@code file:line:column: what is wrong; fix the YAML syntax}, never the parser's
 *       multi-line report or an exception's class name.</li>
 * </ul>
 *
 * <p>The mappers are shared and thread-safe; readers that bind records use {@link #yaml()} and {@link #json()}, and
 * word a binding error with {@link #problem}.
 *
 * @since 0.1
 */
public final class StructuredText {
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
            .build();
    private static final ObjectMapper YAML = strict(YAMLMapper.builder(new AliasRefusingYamlFactory(
            YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(CONSTRAINTS))));
    private static final ObjectMapper JSON = strict(JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(CONSTRAINTS)
            .build()));
    private static final String KEEP_ONE = "; keep one";
    private static final String FLATTEN = "; no SplitInfer file needs more than a few";
    private static final String ONE_DOCUMENT = "; keep one document in the file";
    /** The way out of an alias, which comes with its own. */
    static final String WRITE_OUT = "; write the value out in full where the alias stands";
    private static final Pattern NUMBER = Pattern.compile("\\((-?[0-9][0-9.eE+-]*)\\)");
    private static final Pattern EVENT = Pattern.compile(":? ?<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event[^>]*>");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|key) '(.*)'", Pattern.DOTALL);

    private StructuredText() {
    }

    /** Numbers bind exactly: no fraction as a whole number, no text as a number, no trailing second document. */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M strict(B builder) {
        return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(Limits.MAX_NESTING_DEPTH);
        // the file limit speaks first; this only stops a stream that was not read through InputFiles
        options.setCodePointLimit((int) Limits.MAX_CONFIG_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** @return the strict YAML mapper, for readers that bind records */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** @return the strict JSON mapper, for readers that bind records */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Parses a YAML document into a tree.
     *
     * @param origin what messages call the text (a file's path)
     * @param text   the document
     * @param error  makes the caller's exception from a one-sentence message
     * @return the root; a missing node for an empty document
     */
    public static JsonNode yamlTree(String origin, String text, Function<String, ? extends RuntimeException> error) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw error.apply(sentence(origin, e, "YAML"));
        }
    }

    /**
     * Parses a JSON document into a tree.
     *
     * @param origin what messages call the text (a file's path)
     * @param text   the document
     * @param error  makes the caller's exception from a one-sentence message
     * @return the root; a missing node for an empty document
     */
    public static JsonNode jsonTree(String origin, String text, Function<String, ? extends RuntimeException> error) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw error.apply(sentence(origin, e, "JSON"));
        }
    }

    /**
     * A parser's report as one sentence: {@code origin:line:column: what is wrong; the way out}.
     *
     * @param origin   what messages call the text
     * @param e        the parser's or binder's report
     * @param language {@code YAML} or {@code JSON}, for the way out
     * @return the sentence
     */
    public static String sentence(String origin, JsonProcessingException e, String language) {
        String problem = problem(origin, e);
        if (problem.endsWith(KEEP_ONE) || problem.endsWith(FLATTEN) || problem.endsWith(ONE_DOCUMENT)
                || problem.endsWith(WRITE_OUT)) {
            return problem;
        }
        return problem + "; fix the " + language + " syntax";
    }

    /**
     * What a parser reported, on one line: {@code origin:line:column: detail} (the position when known).
     *
     * @param origin what messages call the text
     * @param e      the parser's or binder's report
     * @return the sentence's start, for the caller to add its way out (a repeated key and too deep a nesting come
     *         with theirs)
     */
    public static String problem(String origin, JsonProcessingException e) {
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        if (marked != null && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String problem = firstLine(marked.getProblem());
            if (problem.contains("(TAB)")) {
                problem = "a tab, where YAML indents with spaces only";
            }
            String context = marked.getContext();
            return where(origin, mark.getLine() + 1, mark.getColumn() + 1) + problem
                    + (context == null || context.isBlank() ? "" : " (" + firstLine(context) + ")");
        }
        JsonLocation location = e.getLocation();
        String at = location == null || location.getLineNr() < 1 ? origin + ": "
                : where(origin, location.getLineNr(), location.getColumnNr());
        return at + detail(e);
    }

    private static String detail(JsonProcessingException e) {
        YAMLException yaml = cause(e, YAMLException.class);
        String original = firstLine(yaml != null ? yaml.getMessage() : e.getOriginalMessage());
        if (cause(e, StreamConstraintsException.class) != null || original.startsWith("Nesting Depth exceeded")) {
            return original.contains("nesting depth") || original.startsWith("Nesting Depth")
                    ? "nested deeper than " + Limits.MAX_NESTING_DEPTH + " levels of mappings and lists" + FLATTEN
                    : "a value longer than the reader accepts";
        }
        if (original.contains("exceeds the limit") && original.contains("code points")) {
            return "larger than " + Limits.size(Limits.MAX_CONFIG_FILE_BYTES);
        }
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "key " + Shown.quoted(duplicate.group(1)) + " appears twice in one mapping" + KEEP_ONE;
        }
        if (original.startsWith("Trailing token")) {
            return "more follows the first document" + ONE_DOCUMENT;
        }
        if (cause(e, InputCoercionException.class) != null) {
            Matcher number = NUMBER.matcher(original);
            return (number.find() ? "the number " + number.group(1) : "a number") + " is out of range here";
        }
        if (e instanceof MismatchedInputException mismatch) {
            // the binder's words name Java types; the key and what it holds are what a user can act on
            String key = mismatch.getPath().isEmpty() ? null
                    : mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            return (key == null ? "a value" : "key " + Shown.quoted(key)) + " holds a value of the wrong kind ("
                    + kind(original) + ")";
        }
        if (original.startsWith("Non-standard token")) {
            return original.replaceFirst("^Non-standard token ('[^']*').*", "$1 is not a number JSON allows");
        }
        // Jackson's advice names its own classes (`JsonReadFeature...`); the problem before it is what a user needs
        int advice = original.indexOf(": enable `");
        String problem = (advice < 0 ? original : original.substring(0, advice)).replace("Malformed numeric value",
                "malformed number").replace("Expected a field name (Scalar value in YAML), got this instead",
                "expected a key, got");
        // the YAML parser's events are Java objects in Jackson's words: name what they stand for
        Matcher event = EVENT.matcher(problem);
        StringBuilder worded = new StringBuilder();
        while (event.find()) {
            event.appendReplacement(worded, Matcher.quoteReplacement(switch (event.group(1)) {
                case "Alias" -> " an alias (*name)";
                case "MappingStart" -> " a mapping";
                case "SequenceStart" -> " a list";
                case "Scalar" -> " a value";
                default -> " something else";
            }));
        }
        event.appendTail(worded);
        return worded.toString();
    }

    private static String kind(String binderMessage) {
        if (binderMessage.contains("Floating-point")) {
            return "a fraction where a whole number belongs";
        }
        if (binderMessage.contains("String value")) {
            return "text where a number or true/false belongs";
        }
        if (binderMessage.contains("Boolean value")) {
            return "true or false where a number or text belongs";
        }
        if (binderMessage.contains("START_ARRAY") || binderMessage.contains("from Array")) {
            return "a list where a single value or a mapping belongs";
        }
        if (binderMessage.contains("START_OBJECT") || binderMessage.contains("from Object")) {
            return "a mapping where a single value or a list belongs";
        }
        return "not what the key takes";
    }

    private static String where(String origin, int line, int column) {
        return origin + ":" + line + ":" + column + ": ";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        String first = message.strip();
        int newline = first.indexOf('\n');
        first = newline < 0 ? first : first.substring(0, newline).strip();
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
