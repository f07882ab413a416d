package org.splitinfer.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.input.StructuredText;

/**
 * Reads and writes the fitted parameters (serving-calibration.yaml). Written only by the fit
 * ({@code splitinfer calibrate --write}); read strictly, the shipped file and any other alike:
 *
 * <pre>
 * stacks:                      # by serving-stack name, then by accelerator family
 *   tensorrt-llm:
 *     gpu: {kernelEfficiency: 1.0, stepOverheadSeconds: 0.0028}
 *   vendor-api:
 *     lpu: {kernelEfficiency: 1.0, stepOverheadSeconds: 0.00048, layerSeconds: 2.8e-05}
 * stackOverheads:              # by serving-stack name: seconds per step on families without its own profile
 *   vendor-api: 0.00042
 * unknownStack:                # by accelerator family
 *   gpu: {kernelEfficiency: 0.86, stepOverheadSeconds: 0.0}
 * familyStacks:                # by accelerator family: the stack most of its cases name, standing in for
 *   riscv: tt-metal            # the family's profile for unknown stacks where it has none
 * collectiveStepSeconds:       # by accelerator family
 *   gpu: 1.9e-06
 * </pre>
 *
 * The five top keys are required (each may be an empty mapping, {@code {}}) and no other is allowed. A profile needs
 * {@code kernelEfficiency} and {@code stepOverheadSeconds} and may add {@code prefillKernelEfficiency},
 * {@code sequenceSeconds}, {@code ringStepSeconds}, {@code layerSeconds} and {@code attentionEfficiency}
 * ({@link StackProfile}); a kernel or attention efficiency lies in (0, 1], an overhead, a time per sequence, ring step
 * or layer, or a collective step's latency in [0, {@value #MAX_SECONDS}] seconds (a serving stack that adds a second per step is no serving
 * stack). A file is read through {@link InputFiles} and {@link StructuredText} (at most
 * {@link Limits#MAX_CONFIG_FILE_BYTES}, no key twice), and every problem is named at once.
 */
public final class ServingCalibrationFile {
    /** The shipped parameters' resource. */
    public static final String RESOURCE = "org/splitinfer/core/calibration/serving-calibration.yaml";
    /** The largest per-step overhead or collective latency a file may give, in seconds. */
    public static final double MAX_SECONDS = 1.0;

    private static final Set<String> TOP_KEYS = new TreeSet<>(Set.of("stacks", "stackOverheads", "unknownStack",
            "familyStacks", "collectiveStepSeconds"));
    private static final Pattern FAMILY_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Set<String> PROFILE_KEYS = new TreeSet<>(Set.of("kernelEfficiency", "stepOverheadSeconds",
            "prefillKernelEfficiency", "sequenceSeconds", "ringStepSeconds", "layerSeconds", "attentionEfficiency"));

    private ServingCalibrationFile() {
    }

    /** @return the shipped parameters */
    public static ServingCalibration shipped() {
        try (InputStream in = ServingCalibrationFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from splitinfer-core; rebuild it");
            }
            return parse(RESOURCE, InputFiles.read(in, "calibration file '" + RESOURCE + "'", "calibration file",
                    Limits.MAX_CONFIG_FILE_BYTES, CalibrationFileException::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a calibration file, such as one {@code splitinfer calibrate --write} wrote.
     *
     * @param file the file
     * @return its parameters
     * @throws CalibrationFileException naming the file and every problem
     */
    public static ServingCalibration read(Path file) {
        return parse(file.toString(), InputFiles.read(file, "calibration file", Limits.MAX_CONFIG_FILE_BYTES,
                CalibrationFileException::new));
    }

    /**
     * Parses calibration YAML.
     *
     * @param origin what messages call the text
     * @param text   the document
     * @return its parameters
     * @throws CalibrationFileException naming the origin and every problem
     */
    public static ServingCalibration parse(String origin, String text) {
        JsonNode root = StructuredText.yamlTree(origin, text, CalibrationFileException::new);
        if (root == null || !root.isObject()) {
            throw new CalibrationFileException(origin + " must be a mapping with keys " + TOP_KEYS
                    + "; see ServingCalibrationFile for the schema");
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(root, TOP_KEYS, "", problems);
        Map<String, Map<String, StackProfile>> stacks = new LinkedHashMap<>();
        JsonNode stackNodes = mapping(root, "stacks", problems);
        if (stackNodes != null) {
            stackNodes.fields().forEachRemaining(entry -> {
                String path = "stacks." + entry.getKey();
                if (!entry.getValue().isObject()) {
                    problems.add(path + ": must be a mapping of family names to {kernelEfficiency,"
                            + " stepOverheadSeconds}");
                    return;
                }
                stacks.put(entry.getKey(), profiles(entry.getValue(), path, problems));
            });
        }
        Map<String, Double> overheads = new LinkedHashMap<>();
        JsonNode overheadNodes = mapping(root, "stackOverheads", problems);
        if (overheadNodes != null) {
            overheadNodes.fields().forEachRemaining(entry -> {
                Double seconds = number(entry.getValue(), "stackOverheads." + entry.getKey(), 0, MAX_SECONDS, false,
                        problems);
                if (seconds != null) {
                    overheads.put(entry.getKey(), seconds);
                }
            });
        }
        JsonNode unknownNodes = mapping(root, "unknownStack", problems);
        Map<String, StackProfile> unknown = unknownNodes == null ? Map.of()
                : profiles(unknownNodes, "unknownStack", problems);
        Map<String, String> familyStacks = new LinkedHashMap<>();
        JsonNode familyStackNodes = mapping(root, "familyStacks", problems);
        if (familyStackNodes != null) {
            familyStackNodes.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                    problems.add("familyStacks." + entry.getKey() + ": must be a stack's name");
                } else if (!FAMILY_NAME.matcher(entry.getKey()).matches()) {
                    problems.add("familyStacks." + entry.getKey() + ": not an accelerator family's name");
                } else {
                    familyStacks.put(entry.getKey(), entry.getValue().asText());
                }
            });
        }
        Map<String, Double> collective = new LinkedHashMap<>();
        JsonNode collectiveNodes = mapping(root, "collectiveStepSeconds", problems);
        if (collectiveNodes != null) {
            collectiveNodes.fields().forEachRemaining(entry -> {
                Double seconds = number(entry.getValue(), "collectiveStepSeconds." + entry.getKey(), 0, MAX_SECONDS,
                        false, problems);
                if (seconds != null) {
                    collective.put(entry.getKey(), seconds);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new CalibrationFileException(origin + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems)
                    + "; see ServingCalibrationFile for the schema");
        }
        return new ServingCalibration(stacks, overheads, unknown, familyStacks, collective);
    }

    /** Profiles by family name; a key that is not a family's name (lowercase) is a problem. */
    private static Map<String, StackProfile> profiles(JsonNode node, String path, List<String> problems) {
        Map<String, StackProfile> byFamily = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!FAMILY_NAME.matcher(entry.getKey()).matches()) {
                problems.add(path + "." + entry.getKey() + ": not an accelerator family's name (gpu, lpu, wafer,"
                        + " rdu, optical, riscv, ...)");
                return;
            }
            StackProfile profile = profile(entry.getValue(), path + "." + entry.getKey(), problems);
            if (profile != null) {
                byFamily.put(entry.getKey(), profile);
            }
        });
        return byFamily;
    }

    private static JsonNode mapping(JsonNode root, String key, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null || !node.isObject()) {
            problems.add(key + ": required, a mapping");
            return null;
        }
        return node;
    }

    private static StackProfile profile(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be a mapping {kernelEfficiency, stepOverheadSeconds[, prefillKernelEfficiency,"
                    + " sequenceSeconds, ringStepSeconds, layerSeconds, attentionEfficiency]}");
            return null;
        }
        unknownKeys(node, PROFILE_KEYS, path + ".", problems);
        Double efficiency = number(node.get("kernelEfficiency"), path + ".kernelEfficiency", 0, 1, true, problems);
        Double overhead = number(node.get("stepOverheadSeconds"), path + ".stepOverheadSeconds", 0, MAX_SECONDS,
                false, problems);
        JsonNode prefillNode = node.get("prefillKernelEfficiency");
        Double prefill = prefillNode == null ? efficiency
                : number(prefillNode, path + ".prefillKernelEfficiency", 0, 1, true, problems);
        JsonNode sequenceNode = node.get("sequenceSeconds");
        Double sequence = sequenceNode == null ? Double.valueOf(0)
                : number(sequenceNode, path + ".sequenceSeconds", 0, MAX_SECONDS, false, problems);
        JsonNode ringNode = node.get("ringStepSeconds");
        Double ring = ringNode == null ? Double.valueOf(0)
                : number(ringNode, path + ".ringStepSeconds", 0, MAX_SECONDS, false, problems);
        JsonNode layerNode = node.get("layerSeconds");
        Double layer = layerNode == null ? Double.valueOf(0)
                : number(layerNode, path + ".layerSeconds", 0, MAX_SECONDS, false, problems);
        JsonNode attentionNode = node.get("attentionEfficiency");
        Double attention = attentionNode == null ? Double.valueOf(1)
                : number(attentionNode, path + ".attentionEfficiency", 0, 1, true, problems);
        return efficiency == null || overhead == null || prefill == null || sequence == null || ring == null
                || layer == null || attention == null ? null
                : new StackProfile(efficiency, overhead, prefill, sequence, ring, layer, attention);
    }

    /** A finite number in [min, max], or (min, max] when the minimum is excluded; null after a problem. */
    private static Double number(JsonNode node, String path, double min, double max, boolean excludeMin,
                                 List<String> problems) {
        if (node == null || node.isNull()) {
            problems.add(path + ": required, a number");
            return null;
        }
        double value = node.asDouble();
        if (!node.isNumber() || !(excludeMin ? value > min : value >= min) || !(value <= max)) {
            problems.add(path + ": must be a number in " + (excludeMin ? "(" : "[") + min + ", " + max + "], got "
                    + (node.isValueNode() ? Shown.quoted(node.asText())
                    : "a " + (node.isArray() ? "list" : "mapping")));
            return null;
        }
        return value;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(Suggestions.unknownKey(prefix + name, name, known));
            }
        }
    }

    /**
     * The YAML text of a calibration, byte-stable for the same values.
     *
     * @param calibration the parameters
     * @param header      comment lines to open the file with (how it was produced)
     * @return the document
     */
    public static String render(ServingCalibration calibration, String header) {
        StringBuilder text = new StringBuilder();
        for (String line : header.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        text.append("stacks:").append(calibration.stacks().isEmpty() ? " {}" : "").append('\n');
        calibration.stacks().forEach((name, byFamily) -> {
            text.append("  ").append(name).append(":\n");
            byFamily.forEach((family, p) -> text.append("    ").append(family).append(": ").append(profile(p))
                    .append('\n'));
        });
        text.append("stackOverheads:").append(calibration.stackOverheads().isEmpty() ? " {}" : "").append('\n');
        calibration.stackOverheads().forEach((stack, seconds) -> text.append("  ").append(stack).append(": ")
                .append(number(seconds)).append('\n'));
        text.append("unknownStack:").append(calibration.unknownStack().isEmpty() ? " {}" : "").append('\n');
        calibration.unknownStack().forEach((family, p) -> text.append("  ").append(family).append(": ")
                .append(profile(p)).append('\n'));
        text.append("familyStacks:").append(calibration.familyStacks().isEmpty() ? " {}" : "").append('\n');
        calibration.familyStacks().forEach((family, stack) -> text.append("  ").append(family).append(": ")
                .append(stack).append('\n'));
        text.append("collectiveStepSeconds:").append(calibration.collectiveStepSeconds().isEmpty() ? " {}" : "")
                .append('\n');
        calibration.collectiveStepSeconds().forEach((family, seconds) -> text.append("  ").append(family)
                .append(": ").append(number(seconds)).append('\n'));
        return text.toString();
    }

    private static String profile(StackProfile profile) {
        return "{kernelEfficiency: " + number(profile.kernelEfficiency()) + ", stepOverheadSeconds: "
                + number(profile.stepOverheadSeconds())
                + (profile.phaseSplit() ? ", prefillKernelEfficiency: " + number(profile.prefillKernelEfficiency()) : "")
                + (profile.sequenceSeconds() > 0 ? ", sequenceSeconds: " + number(profile.sequenceSeconds()) : "")
                + (profile.ringStepSeconds() > 0 ? ", ringStepSeconds: " + number(profile.ringStepSeconds()) : "")
                + (profile.layerSeconds() > 0 ? ", layerSeconds: " + number(profile.layerSeconds()) : "")
                + (profile.attentionEfficiency() < 1
                        ? ", attentionEfficiency: " + number(profile.attentionEfficiency()) : "")
                + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
