package org.splitinfer.core.sweep;

import org.splitinfer.core.hardware.HardwareOverrideException;
import org.splitinfer.core.hardware.FigureOverride;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.splitinfer.core.error.SplitInferException;
import org.splitinfer.core.error.internal.Suggestions;
import org.splitinfer.core.estimate.PipelineSpec;
import org.splitinfer.core.estimate.internal.PipelineYaml;
import org.splitinfer.core.input.InputFiles;
import org.splitinfer.core.input.Limits;
import org.splitinfer.core.input.Shown;
import org.splitinfer.core.input.StructuredText;
import org.splitinfer.core.model.ModelCatalog;
import org.splitinfer.core.plan.Objective;
import org.splitinfer.core.sim.ServiceLevel;
import org.splitinfer.core.workload.Workloads;

/** Strict reader of grid files (schema on {@link SweepGrid}): every problem found at once, in one sentence. */
final class SweepGridReader {
    private static final Set<String> KEYS = new TreeSet<>(Set.of("mode", "models", "workloads", "rates", "slos",
            "hardware", "deployments", "overrides", "objectives", "attainment", "top", "requests", "seed", "software",
            "includeProjected", "allowLongContext"));
    private static final Set<String> PLAN_ONLY = new TreeSet<>(Set.of("hardware", "objectives", "attainment", "top",
            "includeProjected"));
    private static final String SCHEMA = "; the grid's schema is in the README's 'Sweeps'";
    /** The most requests a simulation may run: as {@code --requests}. */
    private static final long MAX_REQUESTS = 1_000_000_000L;
    private static final double MAX_RATE = 1_000_000;

    private SweepGridReader() {
    }

    static SweepGrid read(Path file) {
        String text = InputFiles.read(file, "grid file", Limits.MAX_CONFIG_FILE_BYTES, SweepException::new);
        Path folder = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, folder, file.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".json"));
    }

    static SweepGrid parse(String origin, String text, Path folder, boolean json) {
        String shown = Shown.path(origin);
        Function<String, SweepException> error = SweepException::new;
        JsonNode root = json ? StructuredText.jsonTree(shown, text, error) : StructuredText.yamlTree(shown, text, error);
        if (root == null || !root.isObject()) {
            throw new SweepException("grid file " + shown + " must be a mapping with at least models and rates"
                    + SCHEMA);
        }
        List<String> problems = new ArrayList<>();
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add(Suggestions.unknownKey(name, name, KEYS));
            }
        }
        SweepMode mode = SweepMode.PLAN;
        JsonNode modeNode = root.get("mode");
        if (modeNode != null) {
            String value = modeNode.isTextual() ? modeNode.asText().toLowerCase(Locale.ROOT) : "";
            if (value.equals("plan") || value.equals("simulate")) {
                mode = SweepMode.valueOf(value.toUpperCase(Locale.ROOT));
            } else {
                problems.add("mode: must be plan or simulate, got " + Shown.node(modeNode));
            }
        }
        boolean plan = mode == SweepMode.PLAN;
        if (!plan) {
            for (String key : PLAN_ONLY) {
                if (root.has(key)) {
                    problems.add(key + ": belongs to mode plan, and this grid simulates; drop it, or give mode: plan");
                }
            }
        } else if (root.has("deployments")) {
            problems.add("deployments: belongs to mode simulate (the planner chooses the deployment); drop it, or"
                    + " give mode: simulate");
        }

        List<String> models = texts(root, "models", null, problems);
        List<String> checkedModels = new ArrayList<>();
        ModelCatalog catalog = ModelCatalog.builtIn();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            if (pathLike(model)) {
                checkedModels.add(folder == null ? model : folder.resolve(model).normalize().toString());
            } else if (catalog.contains(model)) {
                checkedModels.add(model);
            } else {
                problems.add("models[" + i + "]: " + Suggestions.unknown("model", model, catalog.ids()));
            }
        }
        List<String> workloads = new ArrayList<>();
        List<String> workloadNames = texts(root, "workloads", List.of("chat"), problems);
        for (int i = 0; i < workloadNames.size(); i++) {
            String name = workloadNames.get(i);
            if (Workloads.names().contains(name.toLowerCase(Locale.ROOT))) {
                workloads.add(name.toLowerCase(Locale.ROOT));
            } else if (pathLike(name)) {
                Path trace = folder == null ? Path.of(name) : folder.resolve(name).normalize();
                try {
                    InputFiles.requireRegularFile(trace, "trace file", Limits.MAX_TRACE_FILE_BYTES,
                            SweepException::new);
                    workloads.add(trace.toString());
                } catch (SweepException e) {
                    problems.add("workloads[" + i + "]: " + e.getMessage());
                }
            } else {
                problems.add("workloads[" + i + "]: " + Suggestions.unknown("workload", name, Workloads.names())
                        + ", or a trace file's path");
            }
        }
        List<Double> rates = new ArrayList<>();
        JsonNode rateNode = list(root, "rates", true, problems);
        if (rateNode != null) {
            for (int i = 0; i < rateNode.size(); i++) {
                JsonNode rate = rateNode.get(i);
                if (rate.isNumber() && rate.asDouble() > 0 && rate.asDouble() <= MAX_RATE) {
                    rates.add(rate.asDouble());
                } else {
                    problems.add("rates[" + i + "]: must be requests per second above 0 and at most 1,000,000, got "
                            + Shown.node(rate));
                }
            }
        }
        List<ServiceLevel> slos = new ArrayList<>();
        List<String> sloTexts = texts(root, "slos", List.of("ttft=1s,tpot=50ms"), problems);
        for (int i = 0; i < sloTexts.size(); i++) {
            try {
                slos.add(ServiceLevel.parse(sloTexts.get(i)));
            } catch (SplitInferException e) {
                problems.add("slos[" + i + "]: " + e.getMessage());
            }
        }
        List<List<String>> hardware = plan ? lists(root, "hardware", problems) : List.of();
        List<List<String>> overrides = lists(root, "overrides", problems);
        for (int i = 0; i < overrides.size(); i++) {
            for (String override : overrides.get(i)) {
                try {
                    FigureOverride.parse(override);
                } catch (HardwareOverrideException e) {
                    problems.add("overrides[" + i + "]: " + e.getMessage());
                }
            }
        }
        List<String> deployments = new ArrayList<>();
        if (!plan) {
            JsonNode deploymentNode = list(root, "deployments", true, problems);
            if (deploymentNode != null) {
                for (int i = 0; i < deploymentNode.size(); i++) {
                    try {
                        PipelineSpec pipeline = PipelineYaml.parse("deployments[" + i + "]", deploymentNode.get(i));
                        deployments.add(PointEvaluator.oneLine(pipeline));
                    } catch (SplitInferException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        List<Objective> objectives = new ArrayList<>();
        if (plan) {
            List<String> goals = texts(root, "objectives", List.of("cost"), problems);
            for (int i = 0; i < goals.size(); i++) {
                try {
                    objectives.add(Objective.valueOf(goals.get(i).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add("objectives[" + i + "]: must be cost, energy, chips or latency, got "
                            + Shown.quoted(goals.get(i)));
                }
            }
        }
        double attainment = 0.9;
        JsonNode attainmentNode = root.get("attainment");
        if (attainmentNode != null) {
            if (attainmentNode.isNumber() && attainmentNode.asDouble() > 0 && attainmentNode.asDouble() <= 1) {
                attainment = attainmentNode.asDouble();
            } else {
                problems.add("attainment: must be a share above 0 and at most 1, got " + Shown.node(attainmentNode));
            }
        }
        long top = whole(root, "top", 5, 1, 1000, problems);
        long requests = whole(root, "requests", 10_000, 1, MAX_REQUESTS, problems);
        long seed = whole(root, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, problems);
        String software = null;
        JsonNode softwareNode = root.get("software");
        if (softwareNode != null && !softwareNode.isNull()) {
            if (softwareNode.isTextual() && !softwareNode.asText().isBlank()) {
                software = softwareNode.asText();
            } else {
                problems.add("software: must be a serving stack's name, got " + Shown.node(softwareNode));
            }
        }
        boolean includeProjected = flag(root, "includeProjected", problems);
        boolean allowLongContext = flag(root, "allowLongContext", problems);
        for (double rate : rates) {
            if (requests / rate > 1e9) {
                problems.add("requests " + requests + " at rate " + rate + " would span more than the simulator's"
                        + " 1e9 simulated seconds; raise the rate or lower requests");
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new SweepException("grid file " + shown + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems) + SCHEMA);
        }
        SweepGrid grid = new SweepGrid(mode, checkedModels, workloads, rates, slos,
                plan && hardware.isEmpty() && !root.has("hardware") ? List.of(List.of()) : hardware, deployments,
                overrides.isEmpty() && !root.has("overrides") ? List.of(List.of()) : overrides, objectives,
                attainment, (int) top, requests, seed, software, includeProjected, allowLongContext);
        if (grid.size() > SweepGrid.MAX_POINTS) {
            throw new SweepException("grid file " + shown + " expands to " + (grid.size() == Long.MAX_VALUE
                    ? "more than 2^63" : Limits.count(grid.size())) + " points, more than the " + Limits.count(SweepGrid.MAX_POINTS) + " one sweep runs; split it"
                    + " into several grids");
        }
        java.util.Map<String, Integer> keys = new java.util.HashMap<>();
        for (SweepPoint point : grid.points()) {
            Integer earlier = keys.putIfAbsent(point.key(), point.index());
            if (earlier != null) {
                throw new SweepException("grid file " + shown + " gives point " + point.index() + " twice (it equals"
                        + " point " + earlier + ": an axis lists one value twice); keep one");
            }
        }
        return grid;
    }

    private static boolean pathLike(String name) {
        return name.contains("/") || name.contains("\\") || name.contains(".json") || name.contains(".yaml")
                || name.contains(".yml") || name.contains(".csv") || name.contains(".jsonl");
    }

    /** A non-empty list under a key, or null (with a problem when it is required or of the wrong kind). */
    private static JsonNode list(JsonNode root, String key, boolean required, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            if (required) {
                problems.add(key + ": required, a list");
            }
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key + ": must be a list of at least one item, got " + (node.isArray() ? "an empty list"
                    : Shown.node(node)));
            return null;
        }
        return node;
    }

    /** A list of text under a key; the default when absent (null: required). */
    private static List<String> texts(JsonNode root, String key, List<String> absent, List<String> problems) {
        if (!root.has(key) && absent != null) {
            return absent;
        }
        JsonNode node = list(root, key, true, problems);
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && !item.asText().isBlank()) {
                texts.add(item.asText().strip());
            } else {
                problems.add(key + "[" + i + "]: must be text, got " + Shown.node(item));
            }
        }
        return texts;
    }

    /** A list of lists of text (hardware sets, overrides); empty when absent. */
    private static List<List<String>> lists(JsonNode root, String key, List<String> problems) {
        List<List<String>> lists = new ArrayList<>();
        if (!root.has(key)) {
            return lists;
        }
        JsonNode node = list(root, key, true, problems);
        if (node == null) {
            return lists;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isArray()) {
                problems.add(key + "[" + i + "]: must be a list (of text; [] for none), got " + Shown.node(item));
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (int j = 0; j < item.size(); j++) {
                JsonNode text = item.get(j);
                if (text.isTextual() && !text.asText().isBlank()) {
                    texts.add(text.asText().strip());
                } else {
                    problems.add(key + "[" + i + "][" + j + "]: must be text, got " + Shown.node(text));
                }
            }
            lists.add(texts);
        }
        return lists;
    }

    private static long whole(JsonNode root, String key, long absent, long min, long max, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return absent;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= min && node.asLong() <= max) {
            return node.asLong();
        }
        problems.add(key + ": must be a whole number" + (min == Long.MIN_VALUE ? "" : " from " + Limits.count(min)
                + " to " + Limits.count(max)) + ", got " + Shown.node(node));
        return absent;
    }

    private static boolean flag(JsonNode root, String key, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(key + ": must be true or false, got " + Shown.node(node));
            return false;
        }
        return node.asBoolean();
    }
}
