package org.splitinfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ten thousand flag lines per command, each a valid line mutated one to three times ({@link FlagMutations}), run
 * in-process on one reused command line; every one must end cleanly ({@link CleanOutcome}): exit 0 with finite,
 * non-negative figures in tables that fit 80 columns, or exit 1 or 2 with one clean line. Valid lines are cheap by
 * construction (a small model, one chip, a few requests, a three-request trace), and the flags that bound their cost
 * are pinned. A line seen before, or the same flags in another order, is not run again: the tool is deterministic.
 * The generation is plain seeded Java (a seed per command), so a failure is the same line on every run; the message
 * lists each kind of failure with one line that shows it.
 */
class GeneratedFlagLinesTest {
    static final int LINES = 10_000;

    @TempDir
    static Path temp;

    static Path pipeline;
    static Path deployments;
    static Path trace;
    static Path cases;
    static Path huggingFace;
    static Path empty;

    static final ReusedCommandLine CLI = new ReusedCommandLine(Map.of());

    @BeforeAll
    static void files() throws IOException {
        pipeline = write("pipeline.yaml", "colocated: {hardware: h100-sxm, chips: 1}\n");
        deployments = write("deployments.yaml", """
                deployments:
                  - name: one
                    args: "--hardware h100-sxm:1"
                  - name: split
                    pipeline: {prefill: {hardware: h100-sxm, chips: 1}, decode: {hardware: h100-sxm, chips: 1}}
                """);
        trace = write("trace.csv", "arrivalSeconds,inputTokens,outputTokens\n0,100,10\n0.5,200,20\n1,300,5\n");
        // two cases the shipped calibration refits in moments, so that validate and calibrate stay cheap
        cases = write("cases.yaml", "cases:\n" + prefillCase("a", "h100-sxm", 512, 0.05)
                + prefillCase("b", "a100-sxm-80gb", 1024, 0.15));
        huggingFace = write("config.json", """
                {"architectures": ["LlamaForCausalLM"], "hidden_size": 2048, "intermediate_size": 8192,
                 "num_attention_heads": 32, "num_key_value_heads": 8, "num_hidden_layers": 16, "vocab_size": 32000,
                 "max_position_embeddings": 8192, "torch_dtype": "bfloat16"}
                """);
        empty = write("empty.yaml", "");
    }

    private static String prefillCase(String id, String hardware, int tokens, double seconds) {
        return """
                  - id: %s
                    source: "a test"
                    model: llama-2-7b
                    hardware: %s
                    chips: 1
                    precision: {weights: fp16, activations: fp16, kvCache: fp16}
                    software: tensorrt-llm
                    scenario: prefill
                    workload: {batch: 1, inputTokens: %d}
                    metric: seconds
                    value: %s
                """.formatted(id, hardware, tokens, seconds);
    }

    private static Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /**
     * A flag's valid files, then the wrong kinds: empty, a folder, missing, a file of another format, a device. A file
     * of random bytes is left out: the readers report it with the decoder's exception name, which is the readers'
     * to fix (issue 14, Readers), not the flags'.
     */
    private static List<String> files(Path... valid) {
        List<String> values = new ArrayList<>();
        for (Path file : valid) {
            values.add(file.toString());
        }
        values.addAll(List.of(empty.toString(), temp.toString(), temp.resolve("missing.yaml").toString(),
                trace.toString(), "/dev/zero", "/dev/null"));
        return values;
    }

    private static Map<String, List<String>> pools() {
        Map<String, List<String>> pools = new HashMap<>();
        List<String> models = List.of("llama-3.1-8b", "llama-2-7b", "mixtral-8x7b", "llama-3.1", "LLAMA-3.1-8B",
                "gpt-5", huggingFace.toString(), empty.toString(), temp.toString(), "/dev/zero",
                temp.resolve("missing/config.json").toString());
        List<String> chips = List.of("h100-sxm:1", "h100-sxm:2", "h100-sxm:auto", "h100:1", "H100-SXM:1",
                "h1:1", "h100-sxm:0", "h100-sxm:-1", "h100-sxm:2147483647", "h100-sxm:2147483648",
                "h100-sxm:1048577", "h100-sxm:1.5", "h100-sxm:1e3", "h100-sxm", "h100-sxm:", ":8", "nonexistent:8",
                "h1:auto", "sambanova:2",
                "h100-sxm:1:2", "groq-lpu-v1:auto", "a100-sxm-80gb:1", "h100-sxm:AUTO");
        List<String> counts = List.of("1", "2", "8", "1000", "1001", "1000000", "1000001", "0", "-1", "auto",
                "offline", "1.0");
        // a run's cost grows with these: valid values stay small, and the others are out of range
        List<String> requests = List.of("1", "20", "0", "-1", "1000000001", "1.5", "auto", "2e1");
        List<String> tokens = List.of("1", "64", "512", "131072", "131073", "10000001", "0", "-5", "1e3",
                "1000000000000");
        List<String> precisions = List.of("fp8", "bf16", "fp4", "int8", "weights=fp4,activations=fp8,kv=fp8",
                "weights=fp8", "kv=", "=", "fp7", "FP8", "weights=fp8,weights=fp4", "int4", "mxfp4");
        List<String> seconds = List.of("1", "5", "0.5", "0", "-1", "1e-12", "1e10", "NaN", "1s", "Infinity", ".5",
                "5.");
        pools.put("--model", models);
        for (String flag : List.of("--prefill", "--decode")) {
            pools.put(flag, chips);
        }
        pools.put("--hardware", chips);
        for (String flag : List.of("--prefill-instances", "--decode-instances", "--instances", "--prefill-tp",
                "--prefill-pp", "--decode-tp", "--decode-pp", "--tp", "--pp", "--ep", "--concurrency", "--batch",
                "--chips", "--max-batch", "--size-for", "--max-chips")) {
            pools.put(flag, counts);
        }
        pools.put("--requests", requests);
        pools.put("--top", List.of("1", "2", "0", "-1", "1001", "auto"));
        for (String flag : List.of("--input", "--output", "--tokens", "--context", "--chunk-tokens")) {
            pools.put(flag, tokens);
        }
        for (String flag : List.of("--precision", "--prefill-precision", "--decode-precision")) {
            pools.put(flag, precisions);
        }
        for (String flag : List.of("--duration", "--sample-interval", "--rate", "--max-kw", "--max-usd-per-hour")) {
            pools.put(flag, seconds);
        }
        pools.put("--attainment", List.of("0.9", "1", "0", "0.5", "1.5", "-0.1", "90%", "NaN"));
        pools.put("--seed", List.of("1", "7", "0", "-1", "9223372036854775807", "9223372036854775808", "1.5"));
        pools.put("--link", List.of("roce-400g", "nvlink-4", "infiniband", "infiniband-ndr-400g", "x", ""));
        pools.put("--format", List.of("json", "csv", "table", "JSON", "xml", "", "tabel"));
        pools.put("--phase", List.of("prefill", "decode", "Decode", "x", ""));
        pools.put("--objective", List.of("cost", "energy", "chips", "latency", "speed"));
        pools.put("--workload", List.of("chat", "code", "batch", "CHAT", "chatt", trace.toString(),
                empty.toString(), temp.toString(), "/nonexistent.csv", "/dev/zero"));
        pools.put("--slo", List.of("ttft=1s,tpot=50ms", "ttft=2s", "tpot=100ms", "ttft=0s,tpot=0ms", "ttft=-1s",
                "ttft=1h", "ttft=1", "ttft=NaN", "x", "ttft=1s,ttft=2s", "ttft=1e400s"));
        pools.put("--router", List.of("round-robin", "least-outstanding-tokens", "random"));
        pools.put("--speculative", List.of("", "draft=llama-3.1-8b", "draft=heads", "draft=heads:2", "tokens=4",
                "acceptance=0.75", "draft=llama-3.1-8b,tokens=5,acceptance=0.8", "acceptance=1", "acceptance=0",
                "tokens=0", "tokens=33", "draft=", "draft=llama-2-7b", "draft=llama-3.1-70b", "draft=heads:0",
                "draft=gpt-5", "acceptence=0.7", "tokens=4,tokens=5", "x", "acceptance=NaN", "draft=" + empty));
        pools.put("--software", List.of("tensorrt-llm", "vendor-api", "unknown-stack", ""));
        pools.put("--pipeline", files(pipeline));
        pools.put("--deployments", files(deployments));
        pools.put("--deployment", List.of("--hardware h100-sxm:1", "--prefill h100-sxm:1 --decode h100-sxm:1",
                "--hardware h100-sxm:1 --tp 0", "--model llama-2-7b", "", "--hardware", "--hardware nonexistent:1",
                "--pipeline " + pipeline, "--hardware h100-sxm:1 --instances 1000000000", "--hardware h100:1",
                "--input 5"));
        pools.put("--cases", files(cases));
        for (String flag : List.of("--out", "--emit", "--write", "--write-bands", "--timeseries", "--report")) {
            pools.put(flag, List.of(temp.resolve("written.out").toString(), temp.toString(),
                    "/nonexistent/folder/file", "", temp.resolve("a\nb").toString()));
        }
        pools.put("--plugins", List.of(temp.resolve("plugins-missing").toString(), ""));
        return pools;
    }

    /** The pools, with this command's own meaning of a flag name where it differs (plan's --hardware is a list). */
    private static Map<String, List<String>> pools(Map<String, List<String>> overrides) {
        Map<String, List<String>> pools = pools();
        pools.putAll(overrides);
        return pools;
    }

    private static final List<String> IDS = List.of("h100-sxm", "h100", "H100-SXM", "h1", "a100-sxm-80gb",
            "groq-lpu-v1", "sambanova", "tt-wormhole-n150", "nonexistent", "", "h100-sxm,groq-lpu-v1");
    private static final Set<String> OUTPUTS = Set.of("--out", "--emit", "--write", "--write-bands", "--timeseries",
            "--report");

    @Test
    void hardware() {
        assertCleanOutcomes("hardware", Set.of(), Map.of(), List.of(
                List.of(), List.of("--format", "json"), List.of("--format", "csv")));
    }

    @Test
    void models() {
        assertCleanOutcomes("models", Set.of(), Map.of(), List.of(
                List.of(), List.of("--format", "json"), List.of("--format", "csv")));
    }

    @Test
    void kernels() {
        assertCleanOutcomes("kernels", Set.of(), Map.of(), List.of(
                List.of("--model", "llama-3.1-8b", "--phase", "decode", "--batch", "8", "--context", "1024"),
                List.of("--model", "llama-3.1-8b", "--phase", "prefill", "--tokens", "512", "--tp", "2",
                        "--precision", "fp8", "--format", "json"),
                List.of("--model", "mixtral-8x7b", "--phase", "decode", "--batch", "4", "--tp", "2", "--ep", "2",
                        "--format", "csv")));
    }

    @Test
    void roofline() {
        assertCleanOutcomes("roofline", Set.of(), Map.of("--hardware", IDS), List.of(
                List.of("--hardware", "h100-sxm"),
                List.of("--hardware", "h100-sxm", "--model", "llama-3.1-8b", "--phase", "decode", "--batch", "8",
                        "--context", "1024", "--format", "json"),
                List.of("--hardware", "groq-lpu-v1", "--model", "llama-3.1-8b", "--phase", "prefill", "--tokens",
                        "256", "--precision", "int8", "--format", "csv", "--out",
                        temp.resolve("roofline.svg").toString())));
    }

    @Test
    void fit() {
        assertCleanOutcomes("fit", Set.of(), Map.of("--hardware", IDS), List.of(
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm"),
                List.of("--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--chips", "4", "--context", "8192",
                        "--format", "json"),
                List.of("--model", "llama-3.1-8b", "--hardware", "sambanova-sn40l", "--precision", "fp8",
                        "--format", "csv")));
    }

    @Test
    void estimate() {
        assertCleanOutcomes("estimate", Set.of(), Map.of(), List.of(
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:1"),
                List.of("--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "h100-sxm:auto",
                        "--input", "512", "--output", "64", "--concurrency", "4", "--format", "json"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:2", "--tp", "2", "--precision", "fp8",
                        "--offline", "--format", "csv"),
                List.of("--model", "llama-3.1-8b", "--pipeline", pipeline.toString()),
                List.of("--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "groq-lpu-v1:auto",
                        "--decode-precision", "int8", "--link", "roce-400g", "--prefill-instances", "2"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--speculative",
                        "draft=heads,tokens=3,acceptance=0.7", "--format", "json")));
    }

    @Test
    void compare() {
        // a row costs an estimate and a simulation of 2,000 requests: short requests keep that cheap
        List<String> tokens = List.of("1", "16", "64", "0", "-5", "10000001", "1e3", "offline");
        assertCleanOutcomes("compare", Set.of("--deployment", "--deployments", "--model"), List.of(
                List.of("--deployment", "--hardware h100-sxm:1", "--deployments"), List.of("--model", "llama-3.1-8b"),
                List.of("--input", "64"), List.of("--output", "16")), Map.of("--input", tokens, "--output", tokens,
                "--concurrency", List.of("1", "4", "0", "1000001", "offline", "auto", "2.5")), List.of(
                List.of("--model", "llama-3.1-8b", "--deployment", "--hardware h100-sxm:1"),
                List.of("--model", "llama-3.1-8b", "--deployments", deployments.toString(), "--input", "512",
                        "--output", "64", "--format", "csv"),
                List.of("--model", "llama-3.1-8b", "--deployment", "--prefill h100-sxm:1 --decode h100-sxm:1",
                        "--concurrency", "4", "--format", "json")));
    }

    @Test
    void simulate() {
        assertCleanOutcomes("simulate", Set.of("--requests", "--duration", "--model"), List.of(
                List.of("--requests", "20", "--duration"), List.of("--model", "llama-3.1-8b")), Map.of(), List.of(
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "20"),
                List.of("--model", "llama-3.1-8b", "--prefill", "h100-sxm:1", "--decode", "h100-sxm:1", "--workload",
                        "batch", "--requests", "10", "--format", "json"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--requests", "20", "--workload",
                        trace.toString(), "--rate", "2", "--format", "csv", "--seed", "7"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm:1", "--duration", "5", "--rate", "2",
                        "--slo", "ttft=2s,tpot=100ms", "--timeseries", temp.resolve("series.csv").toString())));
    }

    @Test
    void plan() {
        // a plan searches every shape of its chips and simulates the best: one chip, a three-request trace, and
        // pools of mostly wrong values keep the valid lines few and cheap
        String traceFile = trace.toString();
        List<String> wrongCounts = List.of("0", "-1", "1.0", "abc", "2147483648");
        Map<String, List<String>> pools = new HashMap<>(Map.of(
                "--hardware", List.of("h100-sxm", "h100", "nonexistent", "", ",", "h100-sxm,,", "h100-sxm,h1"),
                "--rate", List.of("1", "0", "-1", "1e-12", "NaN", "1000001", "abc"),
                "--attainment", List.of("0.9", "0", "1.5", "-0.1", "90%", "NaN"),
                "--objective", List.of("cost", "energy", "speed", "COST"),
                "--seed", List.of("1", "-1", "9223372036854775808", "1.5"),
                "--workload", List.of(traceFile, "batch", "chatt", empty.toString(), temp.toString(), "/dev/zero",
                        "/nonexistent.csv"),
                "--model", List.of("llama-3.1-8b", "llama-3.1", "gpt-5", empty.toString(), "/dev/zero"),
                "--slo", List.of("ttft=1s,tpot=50ms", "ttft=0s", "x", "ttft=1s,ttft=2s", "ttft=1e400s")));
        for (String flag : List.of("--max-chips", "--max-kw", "--max-usd-per-hour")) {
            pools.put(flag, wrongCounts);
        }
        assertCleanOutcomes("plan", Set.of("--hardware", "--requests", "--top", "--model", "--workload"), List.of(
                List.of("--hardware", "h100-sxm"), List.of("--requests", "5"), List.of("--top", "1"),
                List.of("--model", "llama-3.1-8b"), List.of("--workload", traceFile)), pools, List.of(
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--workload", traceFile, "--requests",
                        "5", "--top", "1", "--rate", "1"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--workload", traceFile, "--requests",
                        "5", "--top", "1", "--rate", "2", "--objective", "energy", "--format", "json"),
                List.of("--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--workload", traceFile, "--requests",
                        "5", "--top", "1", "--rate", "1", "--slo", "ttft=60s,tpot=200ms", "--emit",
                        temp.resolve("winner.yaml").toString())));
    }

    @Test
    void validate() {
        assertCleanOutcomes("validate", Set.of("--cases"), List.of(List.of("--cases", cases.toString())), Map.of(),
                List.of(
                List.of("--cases", cases.toString()),
                List.of("--cases", cases.toString(), "--format", "json"),
                List.of("--cases", cases.toString(), "--leave-one-out", "--format", "csv")));
    }

    @Test
    void calibrate() {
        assertCleanOutcomes("calibrate", Set.of("--cases"), List.of(List.of("--cases", cases.toString())), Map.of(),
                List.of(
                List.of("--cases", cases.toString()),
                List.of("--cases", cases.toString(), "--write", temp.resolve("calibration.yaml").toString())));
    }

    @Test
    void bench() {
        assertCleanOutcomes("bench", Set.of("--requests"), List.of(List.of("--requests", "20")), Map.of(), List.of(
                List.of("--requests", "20"), List.of("--requests", "10", "--rate", "5")));
    }

    private static void assertCleanOutcomes(String command, Set<String> pinned, Map<String, List<String>> overrides,
                                            List<List<String>> valid) {
        assertCleanOutcomes(command, pinned, List.of(), overrides, valid);
    }

    private static void assertCleanOutcomes(String command, Set<String> pinned, List<List<String>> required,
                                            Map<String, List<String>> overrides, List<List<String>> valid) {
        CommandSpec spec = CLI.commandLine().getSubcommands().get(command).getCommandSpec();
        FlagMutations mutations = new FlagMutations(spec, pools(overrides), pinned, required, OUTPUTS,
                temp.toString(), command.hashCode());
        Map<List<String>, Optional<String>> seen = new HashMap<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (List<String> line : valid) {
            List<String> args = withCommand(command, line);
            CliRun run = CLI.run(args);
            assertThat(run.exitCode()).as("the valid line %s: %s", args, run.err()).isZero();
        }
        for (int i = 0; i < LINES; i++) {
            List<String> line = mutations.next(valid);
            List<String> args = withCommand(command, line);
            Optional<String> problem = seen.computeIfAbsent(withCommand(command, mutations.canonical(line)), key -> {
                CliRun run = CLI.run(args);
                return new CleanOutcome(CliEnvironment.DEFAULT_COLUMNS).problem(run, args)
                        .map(p -> p + " | " + run.err().strip());
            });
            problem.ifPresent(p -> failures.computeIfAbsent(kind(p), k -> new ArrayList<>()).add(args + " -> " + p));
        }
        StringBuilder report = new StringBuilder();
        failures.forEach((kind, lines) -> report.append("\n").append(lines.size()).append(" x ").append(kind)
                .append("\n    e.g. ").append(lines.get(0)));
        System.out.println(command + ": " + LINES + " lines, " + seen.size() + " distinct, " + failures.size()
                + " kinds of failure" + report);
        assertThat(failures).as("%s: kinds of failure%s", command, report).isEmpty();
    }

    /** A failure's kind: its message with quoted values and numbers blanked. */
    private static String kind(String problem) {
        return problem.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
    }

    private static List<String> withCommand(String command, List<String> line) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(line);
        return args;
    }
}
