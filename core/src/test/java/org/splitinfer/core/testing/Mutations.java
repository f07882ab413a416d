package org.splitinfer.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of a valid file, for the readers' property tests: each is the valid document after one to three
 * mutations of the kinds a user (or a broken tool) makes, chosen and placed by the generator's randomness, so a
 * failing input is reproduced from the seed {@link Generated} reports.
 *
 * <ul>
 *   <li>on the document's tree: a key deleted, renamed or added; a value swapped for another type, for a huge,
 *       negative, zero, fractional or non-finite number, for text with control characters, or for lists nested up
 *       to a hundred deep; a list entry repeated;</li>
 *   <li>on its text: truncated, a line repeated (a key given twice) or deleted, random bytes or control characters
 *       inserted;</li>
 *   <li>on a comma-separated line (a trace's row): a cell swapped for a huge, negative, zero, fractional,
 *       non-finite or empty value, or for text.</li>
 * </ul>
 */
public final class Mutations {
    /** What the valid document is written in. */
    public enum Syntax {
        /** YAML, as the pipeline, deployments, case, model, hardware-sheet and calibration files are. */
        YAML,
        /** JSON, as a Hugging Face config.json is. */
        JSON,
        /** Lines of comma-separated cells, or of JSON objects: a workload trace. */
        LINES
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE_CELLS = List.of("0", "-1", "16777217", "2147483648", "4294967304",
            "9223372036854775807", "99999999999999999999", "8999999999", "1e309", "NaN", "Infinity", "1.5", "-0", "",
            " ", "x", "\"7\"", "1e3", "0x10", "9000000001", "2023-13-45 99:99:99.0000000", "\u0000");
    private static final List<JsonNode> HOSTILE = List.of(
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MIN_VALUE),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(1L << 31), NODES.numberNode(4_294_967_304L),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("1000000000000000000000000000000")),
            NODES.numberNode(0.5), NODES.numberNode(32.9), NODES.numberNode(-0.0), NODES.numberNode(1e308),
            NODES.numberNode(Double.POSITIVE_INFINITY), NODES.numberNode(Double.NaN), NODES.numberNode(-1e-300),
            NODES.textNode(""), NODES.textNode(" "), NODES.textNode("auto"), NODES.textNode("a\nb"),
            NODES.textNode("\u001b[31mred"), NODES.textNode("x".repeat(10_000)), NODES.textNode("1e3"),
            NODES.textNode("0x10"), NODES.textNode("-5"), NODES.textNode(".nan"), NODES.textNode("~"),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
            NODES.arrayNode().add(1).add(2), NODES.objectNode().put("a", 1));

    private Mutations() {
    }

    /**
     * @param valid  a valid document
     * @param syntax what it is written in
     * @return its mutants, as the bytes of a file
     */
    public static Generator<byte[]> of(String valid, Syntax syntax) {
        if (syntax == Syntax.LINES) {
            byte[] text = valid.getBytes(StandardCharsets.UTF_8);
            return random -> mutateLines(text, random);
        }
        JsonNode tree = parse(valid, syntax);
        return random -> mutate(tree, syntax, random);
    }

    private static byte[] mutateLines(byte[] valid, Random random) {
        byte[] text = valid;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            text = random.nextBoolean() ? mutateText(text, random) : mutateCell(text, random);
        }
        return text;
    }

    private static byte[] mutateCell(byte[] text, Random random) {
        List<byte[]> lines = lines(text);
        int line = random.nextInt(lines.size());
        String[] cells = new String(lines.get(line), StandardCharsets.UTF_8).split(",", -1);
        int cell = random.nextInt(cells.length);
        String replacement = HOSTILE_CELLS.get(random.nextInt(HOSTILE_CELLS.size()));
        // keep a JSON key's name, so the value is what changes: {"inputTokens": -1, ...}
        int colon = cells[cell].indexOf(':');
        cells[cell] = (colon < 0 ? "" : cells[cell].substring(0, colon + 1) + " ") + replacement
                + (cells[cell].endsWith("}\n") ? "}\n" : cells[cell].endsWith("\n") ? "\n" : "");
        lines.set(line, String.join(",", cells).getBytes(StandardCharsets.UTF_8));
        return join(lines);
    }

    /**
     * @param valid  a valid document
     * @param syntax what it is written in
     * @param random the mutations' choices
     * @return one mutant, as the bytes of a file
     */
    static byte[] mutate(JsonNode valid, Syntax syntax, Random random) {
        int treeMutations = random.nextInt(3);
        int textMutations = treeMutations == 0 ? 1 + random.nextInt(2) : random.nextInt(2);
        JsonNode tree = valid.deepCopy();
        for (int i = 0; i < treeMutations; i++) {
            tree = mutateTree(tree, random);
        }
        byte[] text = render(tree, syntax).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < textMutations; i++) {
            text = mutateText(text, random);
        }
        return text;
    }

    private static JsonNode mutateTree(JsonNode tree, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        int kind = random.nextInt(6);
        if (container instanceof ObjectNode object && object.size() > 0) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            switch (kind) {
                case 0 -> object.remove(key);
                case 1 -> object.set(key.substring(0, Math.max(1, key.length() - 1)) + (random.nextBoolean() ? "x"
                        : ""), object.remove(key));
                case 2 -> object.set("unknown" + random.nextInt(9), hostile(random));
                case 3 -> object.set(key, nested(random));
                default -> object.set(key, hostile(random));
            }
        } else if (container instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            switch (kind) {
                case 0 -> array.remove(index);
                case 1, 2 -> array.add(array.get(index).deepCopy());
                case 3 -> array.set(index, nested(random));
                default -> array.set(index, hostile(random));
            }
        } else if (container instanceof ObjectNode object) {
            // an empty mapping (collectiveStepSeconds: {}) gains a key; replacing the whole document with a scalar
            // here left the next mutation no container to pick
            object.set("unknown" + random.nextInt(9), hostile(random));
        } else if (container instanceof ArrayNode array) {
            array.add(hostile(random));
        } else {
            return hostile(random);
        }
        return tree;
    }

    /** A copy: the list's nodes are shared, and a mutation must not change them (or nest one in itself). */
    private static JsonNode hostile(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size())).deepCopy();
    }

    private static JsonNode nested(Random random) {
        JsonNode node = NODES.numberNode(1);
        // past the readers' limit of 64 levels, and within what the generator itself writes (1,000) after three
        int depth = 2 + random.nextInt(100);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private static byte[] mutateText(byte[] text, Random random) {
        int at = text.length == 0 ? 0 : random.nextInt(text.length + 1);
        switch (random.nextInt(5)) {
            case 0 -> {
                return Arrays.copyOf(text, at);
            }
            case 1, 2 -> {
                List<byte[]> lines = lines(text);
                int line = random.nextInt(lines.size());
                if (random.nextBoolean()) {
                    lines.add(line, lines.get(line));
                } else {
                    lines.remove(line);
                }
                return join(lines);
            }
            case 3 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                return insert(text, at, noise);
            }
            default -> {
                byte[] control = {(byte) random.nextInt(32)};
                return insert(text, at, control);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    private static List<byte[]> lines(byte[] text) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                lines.add(Arrays.copyOfRange(text, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(text, start, text.length));
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        int length = 0;
        for (byte[] line : lines) {
            length += line.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, joined, at, line.length);
            at += line.length;
        }
        return joined;
    }

    private static byte[] insert(byte[] text, int at, byte[] inserted) {
        byte[] result = new byte[text.length + inserted.length];
        System.arraycopy(text, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(text, at, result, at + inserted.length, text.length - at);
        return result;
    }

    private static JsonNode parse(String valid, Syntax syntax) {
        try {
            return (syntax == Syntax.YAML ? YAML : JSON).readTree(valid);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the valid document does not parse", e);
        }
    }

    private static String render(JsonNode tree, Syntax syntax) {
        try {
            return (syntax == Syntax.YAML ? YAML : JSON).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always renders", e);
        }
    }
}
