package org.splitinfer.core.band;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.splitinfer.core.cost.CalibrationFileException;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.core.validate.Metric;

/**
 * Reads and writes the leave-one-out residual table (leave-one-out-residuals.yaml). Written only by
 * {@code splitinfer calibrate --write-bands}: a leave-one-out run refits the calibration once per case, which takes
 * tens of seconds, too long to repeat on every estimate. The format:
 *
 * <pre>
 * residuals:
 *   - {case: trtllm-h200x1-llama3.3-70b-fp8-1000-1000, family: gpu, stack: tensorrt-llm,
 *      metric: outputTokensPerSecond, predicted: 2921.03, measured: 2909}
 * </pre>
 *
 * {@code stack} is {@code null} for a case that names none; {@code metric} is a validation metric's key.
 */
public final class ResidualFile {
    /** The shipped table's resource. */
    public static final String RESOURCE = "org/splitinfer/core/band/leave-one-out-residuals.yaml";

    private static final Set<String> KEYS = new TreeSet<>(Set.of("case", "family", "stack", "metric", "predicted",
            "measured"));

    private ResidualFile() {
    }

    /** @return the shipped table */
    static ResidualTable shipped() {
        try (InputStream in = ResidualFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from splitinfer-core; rebuild it");
            }
            return parse(RESOURCE, InputFiles.read(in, "residual file '" + RESOURCE + "'", "residual file",
                    Limits.MAX_CONFIG_FILE_BYTES, CalibrationFileException::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a residual table.
     *
     * @param origin what messages call the text
     * @param text   the document
     * @return the table
     * @throws CalibrationFileException naming the origin and every problem
     */
    public static ResidualTable parse(String origin, String text) {
        JsonNode root = StructuredText.yamlTree(origin, text, CalibrationFileException::new);
        JsonNode list = root == null ? null : root.get("residuals");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CalibrationFileException(origin + " must be a mapping with key 'residuals', a non-empty list;"
                    + " see ResidualFile for the format");
        }
        List<String> problems = new ArrayList<>();
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "residuals[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                problems.add(path + ": must be a mapping with keys " + KEYS);
                continue;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!KEYS.contains(name)) {
                    problems.add(Suggestions.unknownKey(path + "." + name, name, KEYS));
                }
            }
            String id = text(node, "case");
            String family = text(node, "family");
            JsonNode stack = node.get("stack");
            Optional<Metric> metric = Metric.fromKey(String.valueOf(text(node, "metric")));
            JsonNode predicted = node.get("predicted");
            JsonNode measured = node.get("measured");
            if (id == null || family == null || stack == null || !(stack.isNull() || stack.isTextual())
                    || metric.isEmpty() || predicted == null || !predicted.isNumber() || !(predicted.asDouble() > 0)
                    || measured == null || !measured.isNumber() || !(measured.asDouble() > 0)) {
                problems.add(path + ": needs case, family and metric (a validation metric's key), stack (a name or"
                        + " null), and positive numbers predicted and measured");
                continue;
            }
            residuals.add(new Residual(id, family, stack.isNull() ? null : stack.asText(), metric.get(),
                    predicted.asDouble(), measured.asDouble()));
        }
        if (!problems.isEmpty()) {
            throw new CalibrationFileException(origin + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems)
                    + "; see ResidualFile for the format");
        }
        return new ResidualTable(residuals);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /**
     * The YAML text of a table, byte-stable for the same values.
     *
     * @param table  the residuals
     * @param header comment lines to open the file with (how it was produced)
     * @return the document
     */
    public static String render(ResidualTable table, String header) {
        StringBuilder text = new StringBuilder();
        for (String line : header.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        text.append("residuals:\n");
        for (Residual r : table.residuals()) {
            text.append("  - {case: ").append(r.caseId()).append(", family: ").append(r.family())
                    .append(", stack: ").append(r.stack() == null ? "null" : r.stack())
                    .append(", metric: ").append(r.metric().key())
                    .append(", predicted: ").append(number(r.predicted()))
                    .append(", measured: ").append(number(r.measured())).append("}\n");
        }
        return text.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
